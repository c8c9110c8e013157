import type { ReadinessCheck } from "@updraft/db/migration-status";

/** One readiness check: `{ ok: true }` or `{ ok: false, message }` saying what is wrong. */
export type HealthCheck = ReadinessCheck;

/** What a running scheduler reports for /readyz. */
export interface SchedulerHealth {
  /** True from the moment stop() begins. */
  stopping: boolean;
  /** `worker` (graphile-worker running), and `kubernetes_watch` with the Kubernetes executor. */
  checks: Record<string, HealthCheck>;
}
