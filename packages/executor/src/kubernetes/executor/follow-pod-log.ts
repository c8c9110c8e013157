import type { KubeConfig } from "@kubernetes/client-node";
import { parseLogTimestamp, sinceTimeOf } from "./log-timestamp";
import { openPodLogStream, PodLogRequestError, type PodLogStream } from "./open-pod-log-stream";

export interface PodLogFollowerOptions {
  kubeConfig: KubeConfig;
  namespace: string;
  pod: string;
  container: string;
  /** Log text, line by line ("\n"-terminated, except a last line the container did not end). */
  onText(text: string): void;
  /** The log could not be read (e.g. the API kept failing). */
  onProblem(message: string): void;
  /** Wait before reconnecting a stream that ended or broke while the container runs. */
  reconnectDelayMs: number;
  /**
   * Asked once, before the first read: how many complete lines at the start
   * of the log were delivered already (by another process; an adopted pod).
   * They are read but not delivered. Default: none.
   */
  linesAlreadyDelivered?: () => Promise<number>;
}

export interface PodLogFollower {
  /** Starts following (idempotent); a dropped stream is resumed where it stopped. */
  follow(): void;
  /** The container exited: reads everything not yet read (waiting up to timeoutMs for the open stream to end). */
  drain(timeoutMs: number): Promise<void>;
  /** Stops reading; nothing more is delivered. */
  stop(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Streams one container's log with `follow=true` while it runs, exactly once:
 * every line carries the kubelet's timestamp, so after a dropped stream the
 * follower resumes with `sinceTime` and skips the lines it already delivered
 * (also lines sharing the last timestamp). For an adopted pod the first
 * `linesAlreadyDelivered()` complete lines of the log are skipped too.
 */
export function createPodLogFollower(options: PodLogFollowerOptions): PodLogFollower {
  let last: bigint | undefined;
  let seenAtLast = 0;
  let skip = 0;
  let partial = "";
  let following = false;
  let draining = false;
  let stopped = false;
  let active: PodLogStream | undefined;
  /** The follow stream being opened or read, until it ends. */
  let inFlight: Promise<"complete" | "dropped" | "failed"> | undefined;
  let wakeUp: (() => void) | undefined;
  let abandonFollow = false;
  /** Complete lines at the start of the log still to skip (delivered by another process). */
  let deliveredElsewhere = 0;
  let counted: Promise<void> | undefined;

  async function countDeliveredElsewhere(): Promise<void> {
    if (!options.linesAlreadyDelivered) return;
    try {
      const count = await options.linesAlreadyDelivered();
      deliveredElsewhere = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
    } catch {
      deliveredElsewhere = 0; // the caller reports its own failures; deliver everything rather than lose lines
    }
  }

  function deliver(raw: string, newline: string): void {
    if (stopped) return;
    const space = raw.indexOf(" ");
    const nanos = space > 0 ? parseLogTimestamp(raw.slice(0, space)) : undefined;
    let text = raw;
    if (nanos !== undefined) {
      if (last !== undefined && nanos < last) return;
      if (last !== undefined && nanos === last) {
        if (skip > 0) {
          skip--;
          return;
        }
        seenAtLast++;
      } else {
        last = nanos;
        seenAtLast = 1;
        skip = 0;
      }
      text = raw.slice(space + 1);
    }
    // Counted as read above (a resumed stream does not see it again), but not delivered.
    if (newline && deliveredElsewhere > 0) {
      deliveredElsewhere--;
      return;
    }
    options.onText(`${text}${newline}`);
  }

  function accept(text: string): void {
    partial += text;
    for (let newline = partial.indexOf("\n"); newline >= 0; newline = partial.indexOf("\n")) {
      deliver(partial.slice(0, newline), "\n");
      partial = partial.slice(newline + 1);
    }
  }

  async function open(follow: boolean): Promise<"complete" | "dropped"> {
    await (counted ??= countDeliveredElsewhere());
    if (stopped) return "dropped";
    partial = "";
    skip = seenAtLast;
    const stream = await openPodLogStream(
      options.kubeConfig,
      {
        namespace: options.namespace,
        pod: options.pod,
        container: options.container,
        follow,
        ...(last !== undefined ? { sinceTime: sinceTimeOf(last) } : {}),
      },
      accept,
    );
    if (stopped || (follow && abandonFollow)) stream.abort();
    active = stream;
    try {
      return await stream.done;
    } finally {
      if (active === stream) active = undefined;
    }
  }

  async function followLoop(): Promise<void> {
    while (!stopped && !draining) {
      let gone = false;
      inFlight = open(true).catch((error: unknown) => {
        gone = error instanceof PodLogRequestError && error.code === 404;
        return "failed" as const;
      });
      await inFlight;
      inFlight = undefined;
      if (gone || stopped || draining) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        setTimeout(resolve, options.reconnectDelayMs);
      });
      wakeUp = undefined;
    }
    following = false;
  }

  async function readRest(): Promise<void> {
    for (let attempt = 1; attempt <= 3 && !stopped; attempt++) {
      try {
        await open(false);
        return;
      } catch (error) {
        // 400: the container never started; 404: the pod is gone. Either way there is nothing to read.
        if (error instanceof PodLogRequestError && (error.code === 400 || error.code === 404)) return;
        if (attempt === 3) options.onProblem(`could not read the rest of the log: ${(error as Error).message}`);
        else await sleep(options.reconnectDelayMs);
      }
    }
  }

  return {
    follow() {
      if (following || draining || stopped) return;
      following = true;
      void followLoop();
    },

    async drain(timeoutMs) {
      if (stopped || draining) return;
      draining = true;
      wakeUp?.();
      let complete = false;
      if (inFlight) {
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          inFlight,
          new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs))),
        ]);
        clearTimeout(timer);
        complete = outcome === "complete";
        if (!complete) {
          abandonFollow = true;
          active?.abort();
          await Promise.race([inFlight, sleep(1000)]);
        }
      }
      if (!complete) await readRest();
      if (partial) deliver(partial, "");
      partial = "";
      stopped = true;
    },

    stop() {
      stopped = true;
      wakeUp?.();
      active?.abort();
    },
  };
}
