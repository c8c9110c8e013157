/**
 * What a task that states no resource request is taken to request: the
 * tenant LimitRange's default request on Kubernetes, and what quota-aware
 * admission counts for it on every executor.
 */
export const DEFAULT_TASK_REQUEST = { cpu: "250m", memory: "256Mi" } as const;
