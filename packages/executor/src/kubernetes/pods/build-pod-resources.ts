import type { ResourceSpec } from "@updraft/dag";
import type { V1ResourceRequirements } from "@kubernetes/client-node";
import { compareQuantities } from "@updraft/domain/quantity";
import type { TenantPodSettings } from "./task-pod-input";

export const GPU_RESOURCE = "nvidia.com/gpu";

function larger(a: string, b: string): string {
  return compareQuantities(a, b) >= 0 ? a : b;
}

export type PodResourcesResult =
  | { ok: true; resources: V1ResourceRequirements; notes: string[] }
  | { ok: false; reason: string };

const gpuCount = (n: number) => `${n} GPU${n === 1 ? "" : "s"}`;

/**
 * The container's requests and limits from the task's resources: limits are
 * raised to at least the requests (a task inheriting smaller default limits
 * than it requests would be rejected by the API server), cpu and memory are
 * clamped to the tenant's maximum per pod, and GPUs become `nvidia.com/gpu`.
 * GPUs are never reduced: a task needing more than the tenant's maximum per
 * pod fails (`reason` names both). `notes` explains every adjustment, for
 * the task's log.
 */
export function buildPodResources(spec: ResourceSpec, tenant: TenantPodSettings = {}, tenantSlug?: string): PodResourcesResult {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  const notes: string[] = [];

  for (const resource of ["cpu", "memory"] as const) {
    let request = spec.requests[resource];
    let limit = spec.limits[resource];
    const max = tenant.maxPerPod?.[resource];
    if (max !== undefined && request !== undefined && compareQuantities(request, max) > 0) {
      notes.push(`${resource} request ${request} is above the tenant's maximum per pod (${max}); using ${max}`);
      request = max;
    }
    if (max !== undefined && limit !== undefined && compareQuantities(limit, max) > 0) {
      notes.push(`${resource} limit ${limit} is above the tenant's maximum per pod (${max}); using ${max}`);
      limit = max;
    }
    if (request !== undefined && limit !== undefined && compareQuantities(limit, request) < 0) {
      notes.push(`${resource} limit ${limit} is below the request ${request}; raising the limit to ${request}`);
      limit = request;
    }
    if (request !== undefined && limit === undefined) {
      const fallback = tenant.defaultLimits?.[resource];
      limit = fallback === undefined ? request : larger(request, fallback);
      if (max !== undefined && compareQuantities(limit, max) > 0) limit = max;
    }
    if (request !== undefined) requests[resource] = request;
    if (limit !== undefined) limits[resource] = limit;
  }

  const gpus = Math.max(spec.requests.gpu ?? 0, spec.limits.gpu ?? 0);
  const maxGpus = tenant.maxPerPod?.gpu;
  if (maxGpus !== undefined && gpus > maxGpus) {
    // A GPU task given fewer GPUs would run, slowly or wrongly, without saying so: refuse instead.
    const who = tenantSlug ? `tenant "${tenantSlug}"` : "the tenant";
    return {
      ok: false,
      reason:
        `the task requests ${gpuCount(gpus)} but ${who} allows at most ${gpuCount(maxGpus)} per pod (its GPU quota); ` +
        "lower the task's gpu request or ask a platform admin to raise the tenant's GPU quota",
    };
  }
  if (gpus > 0) {
    // Extended resources are not overcommitted: request = limit.
    requests[GPU_RESOURCE] = String(gpus);
    limits[GPU_RESOURCE] = String(gpus);
  }

  const resources: V1ResourceRequirements = {};
  if (Object.keys(requests).length > 0) resources.requests = requests;
  if (Object.keys(limits).length > 0) resources.limits = limits;
  return { ok: true, resources, notes };
}
