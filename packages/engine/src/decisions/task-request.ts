import { DEFAULT_TASK_REQUEST, type ResourceSpec } from "@updraft/dag";
import { formatQuantity, parseQuantity, tryParseQuantity } from "@updraft/domain/quantity";

/**
 * A task's resource request as stored on its task instance: the spec's
 * request, else its limit (as Kubernetes does), per resource; null = none
 * stated, the tenant's default request.
 */
export interface StoredTaskRequest {
  cpuMillis: number | null;
  memoryBytes: number | null;
  gpus: number;
}

/** What a task counts against its tenant's quota: every resource resolved. */
export interface TaskRequest {
  cpuMillis: number;
  memoryBytes: number;
  gpus: number;
}

/** A tenant's quota in the units admission counts in. */
export interface QuotaLimits {
  maxConcurrentTasks: number;
  pods: number;
  cpuMillis: number;
  memoryBytes: number;
  gpus: number;
}

export const DEFAULT_REQUEST_CPU_MILLIS = Math.round(parseQuantity(DEFAULT_TASK_REQUEST.cpu) * 1000);
export const DEFAULT_REQUEST_MEMORY_BYTES = Math.ceil(parseQuantity(DEFAULT_TASK_REQUEST.memory));

const MAX_CPU_MILLIS = 2 ** 31 - 1; // the column is an int
const MAX_MEMORY_BYTES = Number.MAX_SAFE_INTEGER;

/** The request columns of a task instance, from its task's resources (create-dag-run). */
export function storedRequestOf(resources: ResourceSpec): StoredTaskRequest {
  const cpu = tryParseQuantity(resources.requests.cpu ?? resources.limits.cpu ?? "");
  const memory = tryParseQuantity(resources.requests.memory ?? resources.limits.memory ?? "");
  return {
    cpuMillis: cpu ? Math.min(Math.max(Math.ceil(cpu.value * 1000 - 1e-6), 0), MAX_CPU_MILLIS) : null,
    memoryBytes: memory ? Math.min(Math.max(Math.ceil(memory.value - 1e-6), 0), MAX_MEMORY_BYTES) : null,
    gpus: resources.requests.gpu ?? resources.limits.gpu ?? 0,
  };
}

/**
 * What a task counts against the quota: its request, else the default
 * request, clamped to the quota (the executor clamps each pod to the per-pod
 * maximum, which is the quota, so one task always fits an idle tenant).
 * GPUs are never clamped: a task needing more than the quota never fits.
 */
export function effectiveTaskRequest(request: StoredTaskRequest, quota: QuotaLimits): TaskRequest {
  return {
    cpuMillis: Math.min(request.cpuMillis ?? DEFAULT_REQUEST_CPU_MILLIS, quota.cpuMillis),
    memoryBytes: Math.min(request.memoryBytes ?? DEFAULT_REQUEST_MEMORY_BYTES, quota.memoryBytes),
    gpus: request.gpus,
  };
}

/** QUEUED + RUNNING task instances of a tenant with the same stored request, and how many there are. */
export interface RequestGroup extends StoredTaskRequest {
  count: number;
}

/** What a tenant's QUEUED + RUNNING tasks hold, each counted by effectiveTaskRequest. */
export interface QuotaUse extends TaskRequest {
  /** Task instances (each one pod). */
  tasks: number;
}

export function sumQuotaUse(groups: readonly RequestGroup[], quota: QuotaLimits): QuotaUse {
  const use: QuotaUse = { tasks: 0, cpuMillis: 0, memoryBytes: 0, gpus: 0 };
  for (const g of groups) {
    const r = effectiveTaskRequest(g, quota);
    use.tasks += g.count;
    use.cpuMillis += r.cpuMillis * g.count;
    use.memoryBytes += r.memoryBytes * g.count;
    use.gpus += r.gpus * g.count;
  }
  return use;
}

/** CPU as cores, the way users write it ("3.5", "0.25", "4"); a valid Kubernetes quantity too. */
export function formatCpuMillis(millis: number): string {
  return String(Math.round(millis) / 1000);
}

/** Memory the way the API server writes it ("12Gi", "256Mi"). */
export function formatMemoryBytes(bytes: number): string {
  return formatQuantity(Math.round(bytes), "binarySI");
}
