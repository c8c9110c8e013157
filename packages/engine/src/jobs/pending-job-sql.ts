import { Prisma } from "@updraft/db";
import type { JobName } from "./job-payloads";

/**
 * SQL that is true while a job with one of `keys` is waiting or running with
 * attempts left (the reconcile statements read the queue in the same
 * statement as the rows it is about, so nothing committing in between is
 * mistaken for lost). `name` also requires that job name.
 */
export function pendingJobSql(keys: readonly Prisma.Sql[], name?: JobName): Prisma.Sql {
  const nameMatches = name ? Prisma.sql`j.task_identifier = ${name} AND ` : Prisma.empty;
  return Prisma.sql`EXISTS (
        SELECT 1 FROM graphile_worker.jobs j
        WHERE ${nameMatches}j.key IN (${Prisma.join(keys)})
          AND j.attempts < j.max_attempts
      )`;
}
