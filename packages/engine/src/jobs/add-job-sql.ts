import { Prisma } from "@updraft/db";
import type { JobName } from "./job-payloads";

/** graphile-worker's defaults the services enqueue with (enqueueJob's options). */
const MAX_ATTEMPTS = 25;

/**
 * SQL adding one job per row of a statement (`graphile_worker.add_job` in a
 * SELECT over the rows), so the rows' change and their jobs commit together:
 * `payload` and `jobKey` are SQL over the row's columns (see jobKeySql).
 */
export function addJobSql(name: JobName, job: { payload: Prisma.Sql; jobKey: Prisma.Sql; runAt?: Date }): Prisma.Sql {
  return Prisma.sql`graphile_worker.add_job(
        identifier => ${name}::text,
        payload => ${job.payload},
        run_at => ${job.runAt ?? null}::timestamptz,
        max_attempts => ${MAX_ATTEMPTS}::int,
        job_key => ${job.jobKey},
        priority => 0,
        job_key_mode => 'replace'
      )`;
}

/**
 * SQL adding one job per row of `fromRows` in one call
 * (`graphile_worker.add_jobs`), yielding the number of jobs added.
 */
export function addJobsSql(name: JobName, job: { payload: Prisma.Sql; jobKey: Prisma.Sql; fromRows: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`SELECT count(*) AS n FROM graphile_worker.add_jobs(ARRAY(
        SELECT ROW(
          ${name}::text, ${job.payload}, NULL, NULL,
          ${MAX_ATTEMPTS}::smallint, ${job.jobKey}, 0::smallint, NULL
        )::graphile_worker.job_spec
        FROM ${job.fromRows}
      ))`;
}
