import { nextScheduledRun, type DagSpec } from "@updraft/dag";
import type { DbOrTx } from "@updraft/db";

/**
 * When the tick should create this DAG's next scheduled run: the end of the
 * next data interval after its last scheduled run (catchup aware).
 */
export async function computeNextRunAt(
  db: DbOrTx,
  dagDbId: string,
  spec: DagSpec,
  now: Date = new Date(),
): Promise<Date | null> {
  if (!spec.schedule) return null;
  const last = await lastScheduledIntervalEnd(db, dagDbId);
  return nextScheduledRun(spec, last, now)?.runAfter ?? null;
}

export async function lastScheduledIntervalEnd(db: DbOrTx, dagDbId: string): Promise<Date | null> {
  const last = await db.dagRun.findFirst({
    where: { dagDbId, runType: "SCHEDULED" },
    orderBy: { dataIntervalEnd: "desc" },
    select: { dataIntervalEnd: true },
  });
  return last?.dataIntervalEnd ?? null;
}
