import { formatQuantity, tryParseQuantity } from "@updraft/domain/quantity";
import type { KubeObject } from "./kube-object";

export interface PodContainerResources {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export function podContainers(pod: KubeObject): PodContainerResources[] {
  return ((pod.spec as { containers?: PodContainerResources[] } | undefined)?.containers ?? []) as PodContainerResources[];
}

export function podPhase(pod: KubeObject): string | undefined {
  return (pod.status as { phase?: string } | undefined)?.phase;
}

export function isTerminalPod(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase === "Succeeded" || phase === "Failed";
}

/** Quota keys a pod is charged for, and the compute keys it leaves unspecified ("must specify …"). */
export function podUsage(pod: KubeObject): { usage: Map<string, number>; unspecified: Set<string> } {
  const usage = new Map<string, number>([["pods", 1]]);
  const unspecified = new Set<string>();
  const add = (key: string, value: number) => usage.set(key, (usage.get(key) ?? 0) + value);
  for (const container of podContainers(pod)) {
    for (const kind of ["requests", "limits"] as const) {
      const values = container.resources?.[kind] ?? {};
      for (const resource of ["cpu", "memory"]) {
        const parsed = values[resource] === undefined ? undefined : tryParseQuantity(values[resource]);
        if (parsed) add(`${kind}.${resource}`, parsed.value);
        else unspecified.add(`${kind}.${resource}`);
      }
      for (const [resource, text] of Object.entries(values)) {
        if (resource === "cpu" || resource === "memory") continue;
        const parsed = tryParseQuantity(text);
        if (parsed) add(`${kind}.${resource}`, parsed.value);
      }
    }
  }
  for (const resource of ["cpu", "memory"]) {
    usage.set(resource, usage.get(`requests.${resource}`) ?? 0);
    if (unspecified.has(`requests.${resource}`)) unspecified.add(resource);
  }
  return { usage, unspecified };
}

export function formatUsage(key: string, value: number): string {
  return formatQuantity(value, key.endsWith("memory") ? "binarySI" : "decimalSI");
}
