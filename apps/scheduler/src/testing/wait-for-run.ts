import type { Db } from "@updraft/db";

/** Polls until the run reaches success or failed, failing with its task states on timeout. */
export async function waitForRunToFinish(db: Db, runId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.dagRun.findUniqueOrThrow({ where: { id: runId }, include: { taskInstances: true } });
    if (run.state === "SUCCESS" || run.state === "FAILED") return run;
    if (Date.now() > deadline) {
      const states = run.taskInstances.map((ti) => `${ti.taskId}=${ti.state}`).join(", ");
      throw new Error(`run ${run.runId} still ${run.state} after ${timeoutMs} ms (${states})`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
