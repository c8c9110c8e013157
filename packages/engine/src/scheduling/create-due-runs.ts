import { nextScheduledRun } from "@updraft/dag";
import type { Db } from "@updraft/db";
import { lastScheduledIntervalEnd } from "../dags/compute-next-run-at";
import { readDagSpec } from "../dags/read-dag-spec";
import { createDagRun } from "../runs/create-dag-run";
import { lockDag } from "../runs/lock-rows";

export interface CreateDueRunsOptions {
  /** DAGs handled per call; the tick calls again when the limit was hit. */
  dagLimit?: number;
  /** Catchup runs created per DAG per call, so one DAG cannot hog a tick. */
  runsPerDag?: number;
}

/**
 * The heart of the `tick` job: for every unpaused DAG whose next run time has
 * passed, creates the scheduled runs that are due (one per data interval,
 * catchup aware) and moves `nextRunAt` on. Safe with several schedulers: each
 * DAG is handled under its row lock and run ids are unique per interval.
 */
export async function createDueRuns(
  db: Db,
  now: Date = new Date(),
  options: CreateDueRunsOptions = {},
): Promise<{ created: number; dags: number; more: boolean }> {
  const dagLimit = options.dagLimit ?? 200;
  const runsPerDag = options.runsPerDag ?? 50;
  const due = await db.dag.findMany({
    where: { isPaused: false, nextRunAt: { lte: now }, currentVersionId: { not: null } },
    orderBy: { nextRunAt: "asc" },
    take: dagLimit,
    select: { id: true },
  });
  let created = 0;
  for (const { id } of due) {
    created += await db.$transaction(async (tx) => {
      await lockDag(tx, id);
      const dag = await tx.dag.findUnique({ where: { id }, include: { currentVersion: true } });
      if (!dag?.currentVersion || dag.isPaused || !dag.nextRunAt || dag.nextRunAt > now) return 0;
      const spec = readDagSpec(dag.currentVersion.spec);
      let last = await lastScheduledIntervalEnd(tx, dag.id);
      let made = 0;
      for (let i = 0; i < runsPerDag; i++) {
        const next = nextScheduledRun(spec, last, now);
        if (!next || next.runAfter > now) break;
        const run = await createDagRun(tx, {
          tenantId: dag.tenantId,
          dagDbId: dag.id,
          dagVersionId: dag.currentVersion.id,
          spec,
          runType: "SCHEDULED",
          runId: `scheduled__${next.interval.start.toISOString()}`,
          logicalDate: next.interval.start,
          dataIntervalStart: next.interval.start,
          dataIntervalEnd: next.interval.end,
          conf: { ...spec.params },
          triggeredById: null,
        });
        if (run) made++;
        last = next.interval.end;
      }
      await tx.dag.update({
        where: { id: dag.id },
        data: { nextRunAt: nextScheduledRun(spec, last, now)?.runAfter ?? null },
      });
      return made;
    });
  }
  return { created, dags: due.length, more: due.length === dagLimit };
}
