import type { TenantPodSettings } from "../pods/task-pod-input";
import { DEFAULT_TASK_REQUEST } from "@updraft/dag";
import { compareQuantities } from "@updraft/domain/quantity";
import type { ProvisionTenantSpec } from "./provision-tenant-input";

export interface TenantLimits {
  maxPerPod: { cpu: string; memory: string; gpu: number };
  defaultLimit: { cpu: string; memory: string };
  defaultRequest: { cpu: string; memory: string };
}

const smaller = (a: string, b: string) => (compareQuantities(a, b) <= 0 ? a : b);

/**
 * The LimitRange numbers for a tenant: the maximum per pod defaults to (and
 * never exceeds) the whole quota, so one pod always fits an idle namespace;
 * defaults never exceed the maximum, default requests (`DEFAULT_TASK_REQUEST`,
 * the same request admission counts for a task without one) never exceed the
 * default limits.
 */
export function tenantLimits(spec: Pick<ProvisionTenantSpec, "quota" | "limits">): TenantLimits {
  const { quota, limits } = spec;
  const maxCpu = smaller(limits.maxPerPod?.cpu ?? quota.cpu, quota.cpu);
  const maxMemory = smaller(limits.maxPerPod?.memory ?? quota.memory, quota.memory);
  const limitCpu = smaller(limits.defaultLimit?.cpu ?? "1", maxCpu);
  const limitMemory = smaller(limits.defaultLimit?.memory ?? "1Gi", maxMemory);
  return {
    maxPerPod: { cpu: maxCpu, memory: maxMemory, gpu: quota.gpus },
    defaultLimit: { cpu: limitCpu, memory: limitMemory },
    defaultRequest: {
      cpu: smaller(limits.defaultRequest?.cpu ?? DEFAULT_TASK_REQUEST.cpu, limitCpu),
      memory: smaller(limits.defaultRequest?.memory ?? DEFAULT_TASK_REQUEST.memory, limitMemory),
    },
  };
}

/** What the pod builder needs to fit pods into this tenant (pass it as the executor's tenant settings). */
export function tenantPodSettings(spec: Pick<ProvisionTenantSpec, "quota" | "limits">): TenantPodSettings {
  const limits = tenantLimits(spec);
  return { maxPerPod: limits.maxPerPod, defaultLimits: limits.defaultLimit };
}
