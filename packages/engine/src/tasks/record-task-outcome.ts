import type { Db } from "@updraft/db";
import type { JobPayload } from "../jobs/job-payloads";
import { enqueueJob } from "../jobs/enqueue-job";
import { wakeRunsWaitingForSlots } from "../runs/wake-runs";

/**
 * The `task_event` job: records how a try ended and asks for its run to be
 * evaluated, so downstream tasks start at once. Ignores stale or repeated
 * events (another try, or an outcome recorded already).
 */
export async function recordTaskOutcome(db: Db, event: JobPayload<"task_event">): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM task_instances WHERE id = ${event.taskInstanceId}::uuid FOR UPDATE`;
    const ti = await tx.taskInstance.findUnique({
      where: { id: event.taskInstanceId },
      select: { id: true, state: true, tryNumber: true, dagRunId: true, dagRun: { select: { dagDbId: true } } },
    });
    if (!ti || ti.tryNumber !== event.tryNumber) return false;
    if (ti.state !== "RUNNING" && ti.state !== "QUEUED") return false;
    await tx.taskInstance.update({
      where: { id: ti.id },
      data: {
        state: event.outcome === "success" ? "SUCCESS" : "FAILED",
        endedAt: new Date(event.endedAt),
        exitCode: event.exitCode,
        message: event.outcome === "success" ? null : event.reason,
      },
    });
    await enqueueJob(tx, "evaluate_run", { runId: ti.dagRunId }, { jobKey: `evaluate_run:${ti.dagRunId}` });
    await wakeRunsWaitingForSlots(tx, ti.dagRun.dagDbId, ti.dagRunId);
    return true;
  });
}
