import type { Db } from "@updraft/db";
import { waitUntil } from "@updraft/config/wait-until";

/** Polls until the run reaches success or failed, as long as that takes (waitUntil); says its task states while it waits. */
export async function waitForRunToFinish(db: Db, runId: string) {
  const find = () => db.dagRun.findUniqueOrThrow({ where: { id: runId }, include: { taskInstances: true } });
  return waitUntil(
    async () => {
      const run = await find();
      return run.state === "SUCCESS" || run.state === "FAILED" ? run : undefined;
    },
    async () => {
      const run = await find();
      return `run ${run.runId} to finish (now ${run.state}: ${run.taskInstances.map((ti) => `${ti.taskId}=${ti.state}`).join(", ")})`;
    },
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
