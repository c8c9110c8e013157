import type { Db } from "@updraft/db";
import { enqueueJob } from "../jobs/enqueue-job";
import { jobKeySql, taskEventJobKey } from "../jobs/job-keys";
import { pendingJobSql } from "../jobs/pending-job-sql";
import { decideZombieTries, type RunningTry, type ZombieTry } from "./decide-zombie-tries";

interface RunningTryRow {
  taskInstanceId: string;
  tryNumber: number;
  startedAt: Date | null;
  schedulerId: string | null;
  hostname: string | null;
  pid: number | null;
  heartbeatAt: Date | null;
  stoppedAt: Date | null;
  dbNow: Date;
}

/**
 * Fails the RUNNING tries whose scheduler replica is gone (see
 * decideZombieTries) through the normal outcome path: a `task_event` job with
 * outcome failed, so retries apply and the run is evaluated. Tries whose real
 * outcome is already waiting in a `task_event` job are left to it.
 */
export async function failZombieTries(db: Db, options: { zombieAfterMs: number; limit?: number }): Promise<ZombieTry[]> {
  const rows = await db.$queryRaw<RunningTryRow[]>`
    SELECT ti.id::text AS "taskInstanceId", ti.try_number AS "tryNumber", ti.started_at AS "startedAt",
           ti.scheduler_id::text AS "schedulerId", si.hostname, si.pid, si.heartbeat_at AS "heartbeatAt",
           si.stopped_at AS "stoppedAt", now() AS "dbNow"
    FROM task_instances ti
    LEFT JOIN scheduler_instances si ON si.id = ti.scheduler_id
    WHERE ti.state = 'RUNNING'
      AND (
        (si.id IS NULL AND coalesce(ti.started_at, ti.updated_at) < now() - ${options.zombieAfterMs}::int * interval '1 millisecond')
        OR si.stopped_at IS NOT NULL
        OR si.heartbeat_at < now() - ${options.zombieAfterMs}::int * interval '1 millisecond'
      )
      AND NOT ${pendingJobSql([jobKeySql.taskEvent("ti.id", "ti.try_number")])}
    ORDER BY ti.started_at NULLS FIRST
    LIMIT ${options.limit ?? 1000}`;
  const first = rows[0];
  if (!first) return [];
  const tries: RunningTry[] = rows.map((r) => ({
    taskInstanceId: r.taskInstanceId,
    tryNumber: r.tryNumber,
    startedAt: r.startedAt,
    schedulerId: r.schedulerId,
    owner:
      r.hostname !== null && r.pid !== null && r.heartbeatAt !== null
        ? { hostname: r.hostname, pid: r.pid, heartbeatAt: r.heartbeatAt, stoppedAt: r.stoppedAt }
        : null,
  }));
  const zombies = decideZombieTries(tries, first.dbNow, options.zombieAfterMs);
  for (const z of zombies) {
    await enqueueJob(
      db,
      "task_event",
      { taskInstanceId: z.taskInstanceId, tryNumber: z.tryNumber, outcome: "failed", exitCode: null, reason: z.reason, endedAt: Date.now() },
      { jobKey: taskEventJobKey(z.taskInstanceId, z.tryNumber) },
    );
  }
  return zombies;
}
