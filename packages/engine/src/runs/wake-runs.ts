import type { Tx } from "@updraft/db";
import { enqueueJobs } from "../jobs/enqueue-jobs";
import { evaluateRunJobKey } from "../jobs/job-keys";

/**
 * After a run finished: let the oldest queued runs (by logical date) start,
 * up to max_active_runs. Call under the DAG's run-start lock (lockDagRunStarts).
 */
export async function wakeQueuedRuns(tx: Tx, dagDbId: string, maxActiveRuns: number): Promise<void> {
  const running = await tx.dagRun.count({ where: { dagDbId, state: "RUNNING" } });
  const free = maxActiveRuns - running;
  if (free <= 0) return;
  const queued = await tx.dagRun.findMany({
    where: { dagDbId, state: "QUEUED" },
    orderBy: [{ logicalDate: "asc" }, { createdAt: "asc" }],
    take: free,
    select: { id: true },
  });
  await enqueueJobs(
    tx,
    queued.map((run) => ({ name: "evaluate_run", payload: { runId: run.id }, jobKey: evaluateRunJobKey(run.id) })),
  );
}
