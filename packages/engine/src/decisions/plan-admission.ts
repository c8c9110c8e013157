import {
  effectiveTaskRequest,
  formatCpuMillis,
  formatMemoryBytes,
  type QuotaLimits,
  type QuotaUse,
  type StoredTaskRequest,
  type TaskRequest,
} from "./task-request";

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
  /** Its resource request as stored (null = the default request). */
  request: StoredTaskRequest;
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
  /** The tenant's quota. */
  quota: QuotaLimits;
  /** What the tenant's QUEUED + RUNNING tasks hold (see sumQuotaUse). */
  quotaUsed: QuotaUse;
}

export interface AdmissionPlan {
  /** Task instances to queue now, in launch order. */
  admit: string[];
  /** Candidates left SCHEDULED, with the reason shown to users. */
  waiting: { id: string; message: string }[];
  /** Slots in use per pool once the admitted tasks are queued. */
  poolUsed: Map<string, number>;
  /** The tenant's quota use once the admitted tasks are queued. */
  quotaUsed: QuotaUse;
}

/** Every message of a task held back by its tenant's quota starts with this. */
export const QUOTA_MESSAGE_PREFIX = "waiting for quota";

const NEVER_FITS = ": the tenant's quota can never fit this task; ask a platform admin to raise it";

export function missingPoolMessage(pool: string): string {
  return `waiting for pool "${pool}", which does not exist: create it on the Pools page`;
}

export function poolFullMessage(pool: string, used: number, slots: number): string {
  return `waiting for a slot in pool "${pool}" (${used}/${slots} used)`;
}

export function maxActiveTasksMessage(limit: number): string {
  return `waiting: max_active_tasks ${limit} reached`;
}

export function concurrentTasksQuotaMessage(used: number, limit: number): string {
  return `${QUOTA_MESSAGE_PREFIX}: ${used}/${limit} concurrent tasks`;
}

export function podsQuotaMessage(used: number, limit: number): string {
  return `${QUOTA_MESSAGE_PREFIX}: pods ${used}/${limit}`;
}

export function cpuQuotaMessage(usedMillis: number, hardMillis: number, needsMillis: number): string {
  const text = `${QUOTA_MESSAGE_PREFIX}: cpu ${formatCpuMillis(usedMillis)}/${formatCpuMillis(hardMillis)} (needs ${formatCpuMillis(needsMillis)})`;
  return needsMillis > hardMillis ? text + NEVER_FITS : text;
}

export function memoryQuotaMessage(usedBytes: number, hardBytes: number, needsBytes: number): string {
  const text = `${QUOTA_MESSAGE_PREFIX}: memory ${formatMemoryBytes(usedBytes)}/${formatMemoryBytes(hardBytes)} (needs ${formatMemoryBytes(needsBytes)})`;
  return needsBytes > hardBytes ? text + NEVER_FITS : text;
}

export function gpuQuotaMessage(used: number, hard: number, needs: number): string {
  const text = `${QUOTA_MESSAGE_PREFIX}: gpu ${used}/${hard} (needs ${needs})`;
  return needs > hard ? text + NEVER_FITS : text;
}

type QuotaCheck = "tasks" | "pods" | "cpu" | "memory" | "gpu";

/** The first quota check (in priority order) a task with this request fails, or null when it fits. */
export function failedQuotaCheck(quota: QuotaLimits, used: QuotaUse, request: TaskRequest): QuotaCheck | null {
  if (used.tasks + 1 > quota.maxConcurrentTasks) return "tasks";
  if (used.tasks + 1 > quota.pods) return "pods";
  if (used.cpuMillis + request.cpuMillis > quota.cpuMillis) return "cpu";
  if (used.memoryBytes + request.memoryBytes > quota.memoryBytes) return "memory";
  if (used.gpus + request.gpus > quota.gpus) return "gpu";
  return null;
}

/**
 * Whether any task can still fit the quota: false once the tenant runs as
 * many tasks (pods) as it may, or a resource has less room than the smallest
 * request among the waiting tasks (`smallest`: each resource's minimum).
 */
export function quotaHasRoom(quota: QuotaLimits, used: QuotaUse, smallest: StoredTaskRequest): boolean {
  return failedQuotaCheck(quota, used, effectiveTaskRequest(smallest, quota)) === null;
}

/**
 * The message of every task waiting while its tenant runs as many tasks or
 * pods as the quota allows (it does not depend on the task); null otherwise.
 */
export function tenantFullMessage(quota: QuotaLimits, used: QuotaUse): string | null {
  if (used.tasks >= quota.maxConcurrentTasks) return concurrentTasksQuotaMessage(used.tasks, quota.maxConcurrentTasks);
  if (used.tasks >= quota.pods) return podsQuotaMessage(used.tasks, quota.pods);
  return null;
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
 * each takes a slot of its pool (a pool that does not exist admits nothing),
 * counts against its DAG's max_active_tasks, and must fit the tenant's quota
 * (concurrent tasks, pods, cpu, memory, GPUs, in that order). A task that
 * does not fit waits and the next one is tried: a smaller one may fit. Pure:
 * the caller reads the counts and applies the plan under the tenant's
 * admission lock.
 */
export function planAdmission(input: AdmissionInput): AdmissionPlan {
  const poolUsed = new Map(input.poolActive);
  const dagUsed = new Map(input.dagActive);
  const quotaUsed = { ...input.quotaUsed };
  const admit: string[] = [];
  type Reason = "pool_missing" | "pool_full" | "dag_limit" | QuotaCheck;
  const blocked: { candidate: AdmissionCandidate; reason: Reason; request: TaskRequest }[] = [];

  for (const c of [...input.candidates].sort(compareAdmissionOrder)) {
    const slots = input.poolSlots.get(c.pool);
    const used = poolUsed.get(c.pool) ?? 0;
    const dagLimit = input.dagMaxActiveTasks.get(c.dagDbId) ?? Number.POSITIVE_INFINITY;
    const dagRunning = dagUsed.get(c.dagDbId) ?? 0;
    const request = effectiveTaskRequest(c.request, input.quota);
    const reason: Reason | null =
      slots === undefined
        ? "pool_missing"
        : used >= slots
          ? "pool_full"
          : dagRunning >= dagLimit
            ? "dag_limit"
            : failedQuotaCheck(input.quota, quotaUsed, request);
    if (reason) {
      blocked.push({ candidate: c, reason, request });
      continue;
    }
    admit.push(c.id);
    poolUsed.set(c.pool, used + 1);
    dagUsed.set(c.dagDbId, dagRunning + 1);
    quotaUsed.tasks += 1;
    quotaUsed.cpuMillis += request.cpuMillis;
    quotaUsed.memoryBytes += request.memoryBytes;
    quotaUsed.gpus += request.gpus;
  }

  const q = input.quota;
  const message = (c: AdmissionCandidate, reason: Reason, request: TaskRequest): string => {
    switch (reason) {
      case "pool_missing":
        return missingPoolMessage(c.pool);
      case "pool_full":
        return poolFullMessage(c.pool, poolUsed.get(c.pool) ?? 0, input.poolSlots.get(c.pool) ?? 0);
      case "dag_limit":
        return maxActiveTasksMessage(input.dagMaxActiveTasks.get(c.dagDbId) ?? 0);
      case "tasks":
        return concurrentTasksQuotaMessage(quotaUsed.tasks, q.maxConcurrentTasks);
      case "pods":
        return podsQuotaMessage(quotaUsed.tasks, q.pods);
      case "cpu":
        return cpuQuotaMessage(quotaUsed.cpuMillis, q.cpuMillis, request.cpuMillis);
      case "memory":
        return memoryQuotaMessage(quotaUsed.memoryBytes, q.memoryBytes, request.memoryBytes);
      case "gpu":
        return gpuQuotaMessage(quotaUsed.gpus, q.gpus, request.gpus);
    }
  };
  const waiting = blocked.map(({ candidate, reason, request }) => ({ id: candidate.id, message: message(candidate, reason, request) }));
  return { admit, waiting, poolUsed, quotaUsed };
}
