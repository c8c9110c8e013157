/**
 * Prisma's interactive transactions give up after 5 s by default. Scheduler
 * transactions may wait for a run's or the tenant's admission lock behind a
 * busy neighbour under load; they should wait rather than fail and be retried
 * with graphile-worker's back-off.
 */
export const SCHEDULING_TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const;
