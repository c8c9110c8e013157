import type { DagSpec } from "@updraft/dag";
import type { DagRunType, Prisma, Tx } from "@updraft/db";
import { enqueueJob } from "../jobs/enqueue-job";
import { evaluateRunJobKey } from "../jobs/job-keys";
import { storedRequestOf } from "../decisions/task-request";
import { DEFAULT_POOL } from "../admission/default-pool";

export interface CreateDagRunInput {
  tenantId: string;
  dagDbId: string;
  dagVersionId: string;
  spec: DagSpec;
  runType: DagRunType;
  runId: string;
  logicalDate: Date;
  dataIntervalStart: Date;
  dataIntervalEnd: Date;
  conf: Record<string, unknown>;
  triggeredById: string | null;
}

/**
 * Creates a DagRun (QUEUED) with one task instance per task (state none,
 * with the task's pool, priority_weight and resource request for admission) and asks the
 * scheduler to evaluate it. Returns null when a run with this run id exists
 * already (so the tick can run twice without doubling runs).
 */
export async function createDagRun(tx: Tx, input: CreateDagRunInput): Promise<{ id: string; runId: string } | null> {
  const existing = await tx.dagRun.findUnique({
    where: { dagDbId_runId: { dagDbId: input.dagDbId, runId: input.runId } },
    select: { id: true },
  });
  if (existing) return null;
  const run = await tx.dagRun.create({
    data: {
      tenantId: input.tenantId,
      dagDbId: input.dagDbId,
      dagVersionId: input.dagVersionId,
      runId: input.runId,
      runType: input.runType,
      logicalDate: input.logicalDate,
      dataIntervalStart: input.dataIntervalStart,
      dataIntervalEnd: input.dataIntervalEnd,
      conf: input.conf as Prisma.InputJsonValue,
      triggeredById: input.triggeredById,
    },
    select: { id: true, runId: true },
  });
  await tx.taskInstance.createMany({
    data: input.spec.tasks.map((task) => {
      const request = storedRequestOf(task.resources);
      return {
        tenantId: input.tenantId,
        dagRunId: run.id,
        taskId: task.task_id,
        maxTries: task.retries + 1,
        pool: task.pool ?? DEFAULT_POOL,
        priorityWeight: task.priority_weight,
        requestCpuMillis: request.cpuMillis,
        requestMemoryBytes: request.memoryBytes === null ? null : BigInt(request.memoryBytes),
        requestGpus: request.gpus,
      };
    }),
  });
  await enqueueJob(tx, "evaluate_run", { runId: run.id }, { jobKey: evaluateRunJobKey(run.id) });
  return run;
}
