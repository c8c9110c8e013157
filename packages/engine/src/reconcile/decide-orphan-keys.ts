/** A try this replica's executor is running. */
export interface ExecutorTry {
  key: string;
  taskInstanceId: string;
  tryNumber: number;
}

/** What the database says about a task instance the executor runs a try of. */
export interface TaskInstanceOwnership {
  taskInstanceId: string;
  state: string;
  tryNumber: number;
  schedulerId: string | null;
}

export interface OrphanKey {
  key: string;
  reason: string;
}

/**
 * Executor processes (or pods) of this replica that nothing wants any more:
 * their try is not the task instance's current RUNNING try under this
 * replica (it was marked failed or cleared and the kill message was lost, or
 * reconcile failed it as a zombie while this replica was unreachable).
 */
export function decideOrphanKeys(
  running: readonly ExecutorTry[],
  instances: readonly TaskInstanceOwnership[],
  schedulerId: string,
): OrphanKey[] {
  const byId = new Map(instances.map((ti) => [ti.taskInstanceId, ti]));
  const orphans: OrphanKey[] = [];
  for (const t of running) {
    const ti = byId.get(t.taskInstanceId);
    let reason: string | null = null;
    if (!ti) reason = "its task instance no longer exists";
    else if (ti.tryNumber !== t.tryNumber) reason = `try ${t.tryNumber} was superseded by try ${ti.tryNumber}`;
    else if (ti.state !== "RUNNING") reason = `the task is ${ti.state.toLowerCase()} already, so this process is no longer wanted`;
    else if (ti.schedulerId !== schedulerId) reason = "another scheduler owns this try now";
    if (reason) orphans.push({ key: t.key, reason });
  }
  return orphans;
}
