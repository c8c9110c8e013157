import type { DbOrTx } from "@updraft/db";
import {
  loadDagSpec,
  DEFAULT_REQUEST_CPU_MILLIS,
  DEFAULT_REQUEST_MEMORY_BYTES,
  storedRequestOf,
  UserError,
} from "@updraft/engine";
import { costOfTry, roundMoney, type TryRequest } from "./cost-of-try";
import { effectivePrices, type EffectivePrices } from "./price-sheets";

/** Successful tries per task the median is taken over. */
const RECENT_TRIES = 20;

export interface TaskCostEstimate {
  taskId: string;
  request: TryRequest;
  /** null: the task never succeeded, its cost is unknown. */
  medianDurationSeconds: number | null;
  cost: number | null;
  /** How many successful tries the median is over (≤ 20). */
  basedOnTries: number;
}

export interface RunCostEstimate {
  dagDbId: string;
  currency: string;
  /** Σ of the known tasks' costs. */
  total: number;
  tasks: TaskCostEstimate[];
  /** Tasks never run successfully: not in the total. */
  unknownTaskIds: string[];
  prices: EffectivePrices;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * What a run of a DAG's current version is expected to cost at today's prices:
 * Σ over its tasks of request × the median duration of the task's last 20
 * successful tries. Tasks that never succeeded are listed as unknown.
 */
export async function estimateRunCost(
  db: DbOrTx,
  input: { tenantId: string; dagDbId: string },
  now: Date = new Date(),
): Promise<RunCostEstimate> {
  const dag = await db.dag.findFirst({
    where: { id: input.dagDbId, tenantId: input.tenantId },
    select: { id: true, currentVersionId: true },
  });
  if (!dag || !dag.currentVersionId) throw new UserError("That DAG does not exist.");
  const spec = await loadDagSpec(db, dag.currentVersionId);
  const rows = await db.$queryRaw<{ task_id: string; seconds: number }[]>`
    SELECT task_id, seconds FROM (
      SELECT ti.task_id,
             EXTRACT(EPOCH FROM (tt.ended_at - tt.started_at))::float8 AS seconds,
             row_number() OVER (PARTITION BY ti.task_id ORDER BY tt.ended_at DESC) AS n
      FROM task_tries tt
      JOIN task_instances ti ON ti.id = tt.task_instance_id
      JOIN dag_runs r ON r.id = ti.dag_run_id
      WHERE r.dag_db_id = ${dag.id}::uuid AND ti.tenant_id = ${input.tenantId}::uuid
        AND tt.state = 'SUCCESS' AND tt.started_at IS NOT NULL AND tt.ended_at IS NOT NULL
    ) recent WHERE n <= ${RECENT_TRIES}`;
  const durations = new Map<string, number[]>();
  for (const row of rows) {
    const list = durations.get(row.task_id) ?? [];
    list.push(Math.max(0, Number(row.seconds)));
    durations.set(row.task_id, list);
  }
  const prices = await effectivePrices(db, { tenantId: input.tenantId, at: now });
  const sheet = { ...prices, id: prices.sheetId ?? "default", tenantId: null, effectiveFrom: new Date(0) };
  const tasks: TaskCostEstimate[] = spec.tasks.map((task) => {
    const stored = storedRequestOf(task.resources);
    const request: TryRequest = {
      cpuMillis: stored.cpuMillis ?? DEFAULT_REQUEST_CPU_MILLIS,
      memoryBytes: stored.memoryBytes ?? DEFAULT_REQUEST_MEMORY_BYTES,
      gpus: stored.gpus,
    };
    const seen = durations.get(task.task_id) ?? [];
    if (seen.length === 0) return { taskId: task.task_id, request, medianDurationSeconds: null, cost: null, basedOnTries: 0 };
    const seconds = median(seen);
    const { cost } = costOfTry({
      startedAt: now,
      endedAt: new Date(now.getTime() + seconds * 1000),
      request,
      usage: { cpuSeconds: 0, memoryAvgBytes: 0 },
      sheets: [sheet],
    });
    return { taskId: task.task_id, request, medianDurationSeconds: seconds, cost, basedOnTries: seen.length };
  });
  return {
    dagDbId: dag.id,
    currency: prices.currency,
    total: roundMoney(tasks.reduce((sum, t) => sum + (t.cost ?? 0), 0)),
    tasks,
    unknownTaskIds: tasks.filter((t) => t.cost === null).map((t) => t.taskId),
    prices,
  };
}
