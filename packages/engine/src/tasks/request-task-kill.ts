import type { DbOrTx } from "@updraft/db";

/** The Postgres NOTIFY channel schedulers LISTEN on for kill requests. */
export const KILL_CHANNEL = "updraft_kill_task";

export interface KillRequest {
  taskInstanceId: string;
  tryNumber: number;
  /** Shown in the try's log and message, e.g. "the run was marked failed by ada@acme.dev". */
  reason: string;
}

/**
 * Asks whichever scheduler runs this try to kill it. Delivered on commit (so
 * a rolled-back decision kills nothing); the owning scheduler's executor kills
 * the process or pod, and reconcile kills anything a lost message left behind.
 */
export async function requestTaskKill(db: DbOrTx, request: KillRequest): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${KILL_CHANNEL}, ${JSON.stringify(request)})`;
}
