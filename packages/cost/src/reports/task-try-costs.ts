import type { DbOrTx, TaskState } from "@updraft/db";

export interface TaskTryCost {
  tryNumber: number;
  state: TaskState;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  requestCpuMillis: number | null;
  requestMemoryBytes: number | null;
  requestGpus: number | null;
  cpuSeconds: number | null;
  /** cpuSeconds / duration. */
  usedCores: number | null;
  memoryAvgBytes: number | null;
  memoryPeakBytes: number | null;
  gpuSeconds: number | null;
  cost: number | null;
  currency: string | null;
}

/** Cost and usage of every try of one of the tenant's task instances (null when it is not the tenant's). */
export async function taskTryCosts(db: DbOrTx, input: { tenantId: string; taskInstanceId: string }): Promise<TaskTryCost[] | null> {
  const instance = await db.taskInstance.findFirst({
    where: { id: input.taskInstanceId, tenantId: input.tenantId },
    select: { tries: { orderBy: { tryNumber: "asc" } } },
  });
  if (!instance) return null;
  return instance.tries.map((t) => {
    const durationSeconds = t.startedAt && t.endedAt ? Math.max(0, (t.endedAt.getTime() - t.startedAt.getTime()) / 1000) : null;
    return {
      tryNumber: t.tryNumber,
      state: t.state,
      startedAt: t.startedAt,
      endedAt: t.endedAt,
      durationSeconds,
      requestCpuMillis: t.requestCpuMillis,
      requestMemoryBytes: t.requestMemoryBytes === null ? null : Number(t.requestMemoryBytes),
      requestGpus: t.requestGpus,
      cpuSeconds: t.cpuSeconds,
      usedCores: t.cpuSeconds !== null && durationSeconds ? t.cpuSeconds / durationSeconds : null,
      memoryAvgBytes: t.memoryAvgBytes === null ? null : Number(t.memoryAvgBytes),
      memoryPeakBytes: t.memoryPeakBytes === null ? null : Number(t.memoryPeakBytes),
      gpuSeconds: t.gpuSeconds,
      cost: t.cost === null ? null : Number(t.cost.toString()),
      currency: t.costCurrency,
    };
  });
}
