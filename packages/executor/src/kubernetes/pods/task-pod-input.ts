import type { LaunchRequest } from "../../executor";

/** What the Kubernetes executor builds a pod from: the engine's launch, placement and injected references included. */
export type TaskPodInput = LaunchRequest;

/** Per-tenant limits the pod is fitted into (mirrors the tenant's LimitRange). */
export interface TenantPodSettings {
  /** Largest request/limit one pod may have; larger values are clamped. */
  maxPerPod?: { cpu?: string; memory?: string; gpu?: number };
  /** The LimitRange's default limits; a request without a limit gets max(request, default). */
  defaultLimits?: { cpu?: string; memory?: string };
}
