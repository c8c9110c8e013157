import type { Task } from "graphile-worker";
import { createDueRuns, enqueueJob, TICK_JOB_KEY } from "@updraft/engine";
import type { Db } from "@updraft/db";



/**
 * Creates due scheduled runs, then re-schedules itself (fixed job key, so
 * exactly one tick is pending however many schedulers run) for the next DAG
 * due time or the tick interval, whichever comes first: cron runs are created
 * on time rather than up to a poll interval late.
 */
export function makeTickJob(db: Db, tickIntervalMs: number): Task {
  return async (_payload, helpers) => {
    const now = new Date();
    const result = await createDueRuns(db, now);
    if (result.created > 0) helpers.logger.info(`tick created ${result.created} scheduled run(s)`);
    const soonest = await db.dag.findFirst({
      where: { isPaused: false, nextRunAt: { not: null }, currentVersionId: { not: null } },
      orderBy: { nextRunAt: "asc" },
      select: { nextRunAt: true },
    });
    const fallback = Date.now() + tickIntervalMs;
    const nextAt = result.more ? Date.now() : Math.min(fallback, Math.max(Date.now(), soonest?.nextRunAt?.getTime() ?? fallback));
    await enqueueJob(db, "tick", {}, { jobKey: TICK_JOB_KEY, runAt: new Date(nextAt) });
  };
}
