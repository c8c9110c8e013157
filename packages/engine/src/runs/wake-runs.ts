import type { Tx } from "@updraft/db";
import { enqueueJob } from "../jobs/enqueue-job";

/** After a run finished: let the oldest queued runs start, up to max_active_runs. */
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
  for (const run of queued) await enqueueJob(tx, "evaluate_run", { runId: run.id }, { jobKey: `evaluate_run:${run.id}` });
}

/**
 * After a task freed an execution slot: re-evaluate the DAG's other running
 * runs that still have tasks waiting, so max_active_tasks never strands them.
 */
export async function wakeRunsWaitingForSlots(tx: Tx, dagDbId: string, exceptRunId: string): Promise<void> {
  const waiting = await tx.dagRun.findMany({
    where: { dagDbId, state: "RUNNING", id: { not: exceptRunId }, taskInstances: { some: { state: "NONE" } } },
    select: { id: true },
  });
  for (const run of waiting) await enqueueJob(tx, "evaluate_run", { runId: run.id }, { jobKey: `evaluate_run:${run.id}` });
}
