/** A RUNNING try as reconcile sees it: who claimed it and when that replica last said it was alive. */
export interface RunningTry {
  taskInstanceId: string;
  tryNumber: number;
  startedAt: Date | null;
  schedulerId: string | null;
  /** The owning replica's row, null when `schedulerId` is null or names no registered replica. */
  owner: { hostname: string; pid: number; heartbeatAt: Date; stoppedAt: Date | null } | null;
}

export interface ZombieTry {
  taskInstanceId: string;
  tryNumber: number;
  /** Why the try is failed, in words a user understands (shown as the try's message). */
  reason: string;
}

/**
 * Which RUNNING tries have nobody running them any more: their replica shut
 * down, or has not heartbeated for `zombieAfterMs`. Their process (or pod) went
 * with the replica, so the try must fail (and retry) instead of holding its
 * slot forever. A try whose replica is alive is never a zombie, however long
 * it runs. `now` is the database's clock, the one that stamps heartbeats.
 */
export function decideZombieTries(tries: readonly RunningTry[], now: Date, zombieAfterMs: number): ZombieTry[] {
  const staleBefore = now.getTime() - zombieAfterMs;
  const zombies: ZombieTry[] = [];
  for (const t of tries) {
    const reason = zombieReason(t, staleBefore);
    if (reason) zombies.push({ taskInstanceId: t.taskInstanceId, tryNumber: t.tryNumber, reason });
  }
  return zombies;
}

function zombieReason(t: RunningTry, staleBefore: number): string | null {
  if (t.owner) {
    const who = `${t.owner.hostname} pid ${t.owner.pid}`;
    if (t.owner.stoppedAt) return `the scheduler running it (${who}) shut down while it was running`;
    if (t.owner.heartbeatAt.getTime() < staleBefore) return `the scheduler running it (${who}) stopped responding`;
    return null;
  }
  // No registered owner (a try claimed by a scheduler from before replicas
  // registered, or whose row was deleted): only its age tells.
  const started = t.startedAt?.getTime() ?? 0;
  if (started >= staleBefore) return null;
  return t.schedulerId
    ? `the scheduler running it (id ${t.schedulerId}) is no longer registered`
    : "no live scheduler is running it";
}
