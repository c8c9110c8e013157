import type pg from "pg";

/**
 * The advisory lock key Prisma Migrate takes on Postgres. Using the same key
 * means Updraft's runner and `prisma migrate deploy` never run at once either.
 */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/**
 * Takes the session-level migration lock on `client`, waiting up to
 * `timeoutMs` for another migrating process to finish.
 */
export async function acquireMigrationLock(client: pg.ClientBase, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_MIGRATE_LOCK_KEY,
    ]);
    if (result.rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${Math.round(timeoutMs / 1000)}s waiting for the migration lock ` +
          `(pg_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY})): another process is migrating this database. ` +
          "Wait for it to finish, or find the session holding the lock with " +
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_MIGRATE_LOCK_KEY}; and end it.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function releaseMigrationLock(client: pg.ClientBase): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
}
