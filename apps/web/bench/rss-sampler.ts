import { readdir, readFile } from "node:fs/promises";
import { parseChildren, readCpuTicks, readMemoryFromStatus } from "./read-proc-status";

export interface RssReport {
  /** Highest sampled sum of VmRSS over the server process and its descendants. */
  peakSampledRssBytes: number;
  /** VmHWM (the kernel's peak RSS) summed over the tree, read when the sampler stops. */
  hwmBytes: number;
  /** Processes seen in the tree (the server first). */
  pids: number[];
  samples: number;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by the process tree of `pid`. */
export async function treeCpuSeconds(pid: number): Promise<number> {
  let ticks = 0;
  for (const p of await processTree(pid)) {
    const stat = await readText(`/proc/${p}/stat`);
    if (stat) ticks += readCpuTicks(stat);
  }
  return ticks / TICKS_PER_SECOND;
}

/** The pid and all its live descendants (Linux /proc). */
async function processTree(pid: number): Promise<number[]> {
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    tree.push(current);
    let tids: string[];
    try {
      tids = await readdir(`/proc/${current}/task`);
    } catch {
      continue;
    }
    const texts = await Promise.all(tids.map((tid) => readText(`/proc/${current}/task/${tid}/children`)));
    queue.push(...parseChildren(texts.filter((t): t is string => t !== null)));
  }
  return tree;
}

/**
 * Samples the resident memory of a process tree every `intervalMs` until
 * stop(): the peak of the summed VmRSS, and at the end the VmHWM of every
 * process seen (so a peak between two samples is not missed).
 */
export function startRssSampler(pid: number, intervalMs = 250): { stop(): Promise<RssReport> } {
  const seen = new Set<number>([pid]);
  const hwm = new Map<number, number>();
  let peak = 0;
  let samples = 0;
  let sampling: Promise<void> = Promise.resolve();

  const sample = async () => {
    let sum = 0;
    for (const p of await processTree(pid)) {
      seen.add(p);
      const status = await readText(`/proc/${p}/status`);
      if (!status) continue;
      const { rssBytes, hwmBytes } = readMemoryFromStatus(status);
      sum += rssBytes ?? 0;
      if (hwmBytes !== null) hwm.set(p, Math.max(hwm.get(p) ?? 0, hwmBytes));
    }
    peak = Math.max(peak, sum);
    samples++;
  };
  const timer = setInterval(() => {
    sampling = sampling.then(sample);
  }, intervalMs);
  sampling = sample();

  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      await sample();
      return {
        peakSampledRssBytes: peak,
        hwmBytes: [...hwm.values()].reduce((a, b) => a + b, 0),
        pids: [...seen],
        samples,
      };
    },
  };
}
