import { Prisma, type Db, type DbOrTx, type Tx } from "@updraft/db";
import { DEFAULT_REQUEST_CPU_MILLIS, DEFAULT_REQUEST_MEMORY_BYTES } from "@updraft/engine";
import { checkTenantBudget, type BudgetCheckResult } from "./check-tenant-budget";
import { costOfTry, type TryCost } from "./cost-of-try";
import { loadPriceSheetRates } from "./price-sheets";
import { thinUsageSamples, type ThinnedUsage } from "./thin-usage-samples";

export interface FinalizeTryUsageInput {
  taskInstanceId: string;
  tryNumber: number;
}

export type FinalizeTryUsageResult =
  | { status: "not_found" }
  /** The try has no end yet (its outcome is not recorded). */
  | { status: "not_ended" }
  /** Costed before: nothing changed (finalizing is idempotent per try). */
  | { status: "already_costed" }
  | { status: "costed"; cost: TryCost; usage: ThinnedUsage; budget: BudgetCheckResult };

const inTransaction = <T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  "$transaction" in db ? (db as Db).$transaction(fn) : fn(db);

/** Midnight UTC of the day a moment falls in (the rollup's day). */
const utcDay = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/**
 * Called when a try's outcome is recorded: thins its usage samples into its
 * totals, costs it under the price sheets in effect while it ran, adds it to
 * its task's CostRollup for the UTC day it ended, deletes the samples, and
 * checks the tenant's budget. A try already costed is skipped.
 */
export async function finalizeTryUsage(
  db: DbOrTx,
  input: FinalizeTryUsageInput,
  now: Date = new Date(),
): Promise<FinalizeTryUsageResult> {
  const result = await inTransaction(db, async (tx): Promise<FinalizeTryUsageResult | { status: "done"; tenantId: string; cost: TryCost; usage: ThinnedUsage }> => {
    const found = await tx.taskTry.findUnique({
      where: { taskInstanceId_tryNumber: { taskInstanceId: input.taskInstanceId, tryNumber: input.tryNumber } },
      select: {
        id: true,
        startedAt: true,
        endedAt: true,
        cost: true,
        requestCpuMillis: true,
        requestMemoryBytes: true,
        requestGpus: true,
        taskInstance: {
          select: {
            tenantId: true,
            taskId: true,
            requestCpuMillis: true,
            requestMemoryBytes: true,
            requestGpus: true,
            dagRun: { select: { dagDbId: true } },
          },
        },
      },
    });
    if (!found) return { status: "not_found" };
    if (found.cost !== null) return { status: "already_costed" };
    if (!found.endedAt) return { status: "not_ended" };
    // Lock the try row: a second finalize of the same try waits here, then sees the cost.
    const locked = await tx.$queryRaw<{ cost: unknown }[]>`
      SELECT cost FROM task_tries WHERE id = ${found.id}::uuid FOR UPDATE`;
    if (locked[0]?.cost !== null && locked[0]?.cost !== undefined) return { status: "already_costed" };

    const ti = found.taskInstance;
    const endedAt = found.endedAt;
    // A try that never started (failed to launch) ran for no time.
    const startedAt = found.startedAt && found.startedAt < endedAt ? found.startedAt : endedAt;
    const samples = await tx.usageSample.findMany({
      where: { taskTryId: found.id },
      orderBy: { sampledAt: "asc" },
      select: { sampledAt: true, cpuSecondsTotal: true, cpuCores: true, memoryBytes: true },
    });
    const usage = thinUsageSamples(
      samples.map((s) => ({ ...s, memoryBytes: Number(s.memoryBytes) })),
      { startedAt, endedAt },
    );
    const request = {
      cpuMillis: found.requestCpuMillis ?? ti.requestCpuMillis ?? DEFAULT_REQUEST_CPU_MILLIS,
      memoryBytes: Number(found.requestMemoryBytes ?? ti.requestMemoryBytes ?? DEFAULT_REQUEST_MEMORY_BYTES),
      gpus: found.requestGpus ?? ti.requestGpus,
    };
    const sheets = await loadPriceSheetRates(tx, { tenantId: ti.tenantId, until: endedAt });
    const cost = costOfTry({ startedAt, endedAt, request, usage, sheets });
    const duration = cost.durationSeconds;
    const gpuSeconds = request.gpus * duration;

    await tx.taskTry.update({
      where: { id: found.id },
      data: {
        requestCpuMillis: request.cpuMillis,
        requestMemoryBytes: BigInt(Math.round(request.memoryBytes)),
        requestGpus: request.gpus,
        cpuSeconds: usage.cpuSeconds,
        memoryAvgBytes: BigInt(usage.memoryAvgBytes),
        memoryPeakBytes: BigInt(usage.memoryPeakBytes),
        gpuSeconds,
        cost: new Prisma.Decimal(cost.cost.toFixed(6)),
        costCurrency: cost.currency,
      },
    });
    const day = utcDay(endedAt);
    const costText = cost.cost.toFixed(6);
    const requestCpuSeconds = (request.cpuMillis / 1000) * duration;
    const memoryByteSeconds = usage.memoryAvgBytes * duration;
    const requestMemoryByteSeconds = request.memoryBytes * duration;
    await tx.$executeRaw`
      INSERT INTO cost_rollups (tenant_id, dag_db_id, task_id, day, tries, cost, duration_seconds, cpu_seconds,
        request_cpu_seconds, memory_byte_seconds, request_memory_byte_seconds, gpu_seconds)
      VALUES (${ti.tenantId}::uuid, ${ti.dagRun.dagDbId}::uuid, ${ti.taskId}, ${day}::date, 1, ${costText}::numeric,
        ${duration}, ${usage.cpuSeconds}, ${requestCpuSeconds}, ${memoryByteSeconds}, ${requestMemoryByteSeconds},
        ${gpuSeconds})
      ON CONFLICT (tenant_id, dag_db_id, task_id, day) DO UPDATE SET
        tries = cost_rollups.tries + 1,
        cost = cost_rollups.cost + EXCLUDED.cost,
        duration_seconds = cost_rollups.duration_seconds + EXCLUDED.duration_seconds,
        cpu_seconds = cost_rollups.cpu_seconds + EXCLUDED.cpu_seconds,
        request_cpu_seconds = cost_rollups.request_cpu_seconds + EXCLUDED.request_cpu_seconds,
        memory_byte_seconds = cost_rollups.memory_byte_seconds + EXCLUDED.memory_byte_seconds,
        request_memory_byte_seconds = cost_rollups.request_memory_byte_seconds + EXCLUDED.request_memory_byte_seconds,
        gpu_seconds = cost_rollups.gpu_seconds + EXCLUDED.gpu_seconds`;
    await tx.usageSample.deleteMany({ where: { taskTryId: found.id } });
    return { status: "done", tenantId: ti.tenantId, cost, usage };
  });
  if (result.status !== "done") return result;
  const budget = await inTransaction(db, (tx) => checkTenantBudget(tx, { tenantId: result.tenantId }, now));
  return { status: "costed", cost: result.cost, usage: result.usage, budget };
}
