/** A SCHEDULED task instance of a RUNNING run, competing for an execution slot. */
export interface AdmissionCandidate {
  id: string;
  pool: string;
  priorityWeight: number;
  /** The run's logical date (ms since epoch): older runs go first on equal priority. */
  logicalDate: number;
  runId: string;
  /** The task's position in its DAG file: earlier tasks go first on equal priority and run. */
  taskOrder: number;
  dagDbId: string;
}

export interface AdmissionInput {
  candidates: readonly AdmissionCandidate[];
  /** Slots of every pool that exists (default_pool included, 128 unless edited). */
  poolSlots: ReadonlyMap<string, number>;
  /** Task instances holding a slot (QUEUED or RUNNING) per pool. */
  poolActive: ReadonlyMap<string, number>;
  /** max_active_tasks per DAG. */
  dagMaxActiveTasks: ReadonlyMap<string, number>;
  /** Task instances holding a slot per DAG, across all its runs. */
  dagActive: ReadonlyMap<string, number>;
}

export interface AdmissionPlan {
  /** Task instances to queue now, in launch order. */
  admit: string[];
  /** Candidates left SCHEDULED, with the reason shown to users. */
  waiting: { id: string; message: string }[];
  /** Slots in use per pool once the admitted tasks are queued. */
  poolUsed: Map<string, number>;
}

export function missingPoolMessage(pool: string): string {
  return `waiting for pool "${pool}", which does not exist: create it on the Pools page`;
}

export function poolFullMessage(pool: string, used: number, slots: number): string {
  return `waiting for a slot in pool "${pool}" (${used}/${slots} used)`;
}

export function maxActiveTasksMessage(limit: number): string {
  return `waiting: max_active_tasks ${limit} reached`;
}

/** Highest priority_weight first; then the oldest run; then the task's order in its DAG file. */
export function compareAdmissionOrder(a: AdmissionCandidate, b: AdmissionCandidate): number {
  return (
    b.priorityWeight - a.priorityWeight ||
    a.logicalDate - b.logicalDate ||
    (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0) ||
    a.taskOrder - b.taskOrder
  );
}

/**
 * Which SCHEDULED tasks of a tenant get an execution slot: in priority order,
 * each takes a slot of its pool (a pool that does not exist admits nothing)
 * and counts against its DAG's max_active_tasks. Pure: the caller reads the
 * counts and applies the plan under the tenant's admission lock.
 */
export function planAdmission(input: AdmissionInput): AdmissionPlan {
  const poolUsed = new Map(input.poolActive);
  const dagUsed = new Map(input.dagActive);
  const admit: string[] = [];
  const blocked: { candidate: AdmissionCandidate; reason: "pool_missing" | "pool_full" | "dag_limit" }[] = [];

  for (const c of [...input.candidates].sort(compareAdmissionOrder)) {
    const slots = input.poolSlots.get(c.pool);
    const used = poolUsed.get(c.pool) ?? 0;
    const dagLimit = input.dagMaxActiveTasks.get(c.dagDbId) ?? Number.POSITIVE_INFINITY;
    const dagRunning = dagUsed.get(c.dagDbId) ?? 0;
    if (slots === undefined) blocked.push({ candidate: c, reason: "pool_missing" });
    else if (used >= slots) blocked.push({ candidate: c, reason: "pool_full" });
    else if (dagRunning >= dagLimit) blocked.push({ candidate: c, reason: "dag_limit" });
    else {
      admit.push(c.id);
      poolUsed.set(c.pool, used + 1);
      dagUsed.set(c.dagDbId, dagRunning + 1);
    }
  }

  const waiting = blocked.map(({ candidate: c, reason }) => ({
    id: c.id,
    message:
      reason === "pool_missing"
        ? missingPoolMessage(c.pool)
        : reason === "pool_full"
          ? poolFullMessage(c.pool, poolUsed.get(c.pool) ?? 0, input.poolSlots.get(c.pool) ?? 0)
          : maxActiveTasksMessage(input.dagMaxActiveTasks.get(c.dagDbId) ?? 0),
  }));
  return { admit, waiting, poolUsed };
}
