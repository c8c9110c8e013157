import type { Toleration } from "@updraft/dag";
import type { LaunchRequest } from "../../executor";

/**
 * What the Kubernetes executor builds a pod from: the engine's launch plus the
 * task's placement and injected references. The engine's TaskLaunch does not
 * carry the optional fields yet; when it passes them (from the task spec's
 * node_selector, tolerations, connections and secrets) they are applied.
 */
export interface TaskPodInput extends LaunchRequest {
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  /** Connection ids, injected as UPDRAFT_CONN_<ID> and AIRFLOW_CONN_<ID> from the tenant's connections Secret. */
  connectionIds?: string[];
  /** Secret names, injected as <NAME> (upper-case) from the tenant's secrets Secret. */
  secretNames?: string[];
}

/** Per-tenant limits the pod is fitted into (mirrors the tenant's LimitRange). */
export interface TenantPodSettings {
  /** Largest request/limit one pod may have; larger values are clamped. */
  maxPerPod?: { cpu?: string; memory?: string; gpu?: number };
  /** The LimitRange's default limits; a request without a limit gets max(request, default). */
  defaultLimits?: { cpu?: string; memory?: string };
}
