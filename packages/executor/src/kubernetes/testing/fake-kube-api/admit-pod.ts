import { canonicalQuantity, formatQuantity, tryParseQuantity } from "@updraft/domain/quantity";
import type { FakeObjectStore } from "./fake-object-store";
import { forbidden } from "./kube-status";
import type { KubeObject } from "./kube-object";
import { formatUsage, isTerminalPod, podContainers, podUsage } from "./pod-resource-usage";

interface LimitRangeItem {
  type: string;
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
}

function limitRangeItems(store: FakeObjectStore, namespace: string): LimitRangeItem[] {
  return store
    .list("limitranges", namespace)
    .flatMap((lr) => ((lr.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []) as LimitRangeItem[]);
}

const value = (text: string | undefined) => (text === undefined ? undefined : tryParseQuantity(text)?.value);

/**
 * The LimitRanger admission plugin: fills in default limits and requests,
 * then requests default to limits (API defaulting) and quantities are
 * canonicalized, like the API server stores them. Mutates the pod.
 */
export function applyPodDefaults(store: FakeObjectStore, pod: KubeObject): void {
  const items = limitRangeItems(store, pod.metadata.namespace!).filter((i) => i.type === "Container");
  for (const container of podContainers(pod)) {
    const resources = (container.resources ??= {});
    const limits = (resources.limits ??= {});
    const requests = (resources.requests ??= {});
    for (const item of items) {
      for (const [resource, text] of Object.entries(item.default ?? {})) limits[resource] ??= text;
      for (const [resource, text] of Object.entries(item.defaultRequest ?? {})) requests[resource] ??= text;
    }
    for (const [resource, text] of Object.entries(limits)) requests[resource] ??= text;
    for (const map of [limits, requests]) for (const [resource, text] of Object.entries(map)) map[resource] = canonicalQuantity(text);
    if (Object.keys(limits).length === 0) delete resources.limits;
    if (Object.keys(requests).length === 0) delete resources.requests;
  }
}

/** LimitRange maximums and minimums per Container and per Pod; throws 403 Forbidden like the API server. */
export function checkLimitRanges(store: FakeObjectStore, pod: KubeObject): void {
  const name = pod.metadata.name;
  const items = limitRangeItems(store, pod.metadata.namespace!);
  const containers = podContainers(pod);
  for (const item of items) {
    const scopes =
      item.type === "Container"
        ? containers.map((c) => ({ what: "Container", limits: c.resources?.limits ?? {}, requests: c.resources?.requests ?? {} }))
        : item.type === "Pod"
          ? [{ what: "Pod", ...sumContainers(containers) }]
          : [];
    for (const scope of scopes) {
      for (const [resource, maxText] of Object.entries(item.max ?? {})) {
        const max = value(maxText)!;
        const limit = value(scope.limits[resource]);
        if (limit === undefined) throw forbidden("pods", name, `maximum ${resource} usage per ${scope.what} is ${maxText}.  No limit is specified`);
        if (limit > max + 1e-9) {
          throw forbidden("pods", name, `maximum ${resource} usage per ${scope.what} is ${maxText}, but limit is ${scope.limits[resource]}`);
        }
      }
      for (const [resource, minText] of Object.entries(item.min ?? {})) {
        const request = value(scope.requests[resource]);
        if (request !== undefined && request < value(minText)! - 1e-9) {
          throw forbidden("pods", name, `minimum ${resource} usage per ${scope.what} is ${minText}, but request is ${scope.requests[resource]}`);
        }
      }
    }
  }
}

function sumContainers(containers: ReturnType<typeof podContainers>) {
  const sum = (kind: "limits" | "requests") => {
    const totals: Record<string, number> = {};
    for (const c of containers) for (const [r, t] of Object.entries(c.resources?.[kind] ?? {})) totals[r] = (totals[r] ?? 0) + (value(t) ?? 0);
    return Object.fromEntries(Object.entries(totals).map(([r, v]) => [r, formatQuantity(v, r === "memory" ? "binarySI" : "decimalSI")]));
  };
  return { limits: sum("limits"), requests: sum("requests") };
}

const COMPUTE_KEYS = new Set(["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]);

/** What the namespace's non-terminal pods use, per quota key. */
export function namespaceUsage(store: FakeObjectStore, namespace: string, except?: string): Map<string, number> {
  const used = new Map<string, number>();
  for (const pod of store.list("pods", namespace)) {
    if (isTerminalPod(pod) || pod.metadata.name === except) continue;
    for (const [key, amount] of podUsage(pod).usage) used.set(key, (used.get(key) ?? 0) + amount);
  }
  return used;
}

/**
 * The ResourceQuota admission plugin: a new pod must fit every quota of its
 * namespace (sum over non-terminal pods); throws 403 "exceeded quota" or
 * "failed quota: must specify" with the API server's wording.
 */
export function checkResourceQuotas(store: FakeObjectStore, pod: KubeObject): void {
  const name = pod.metadata.name;
  const namespace = pod.metadata.namespace!;
  const { usage, unspecified } = podUsage(pod);
  for (const quota of store.list("resourcequotas", namespace)) {
    const hard = ((quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<string, string>;
    const keys = Object.keys(hard).sort();
    const missing = keys.filter((k) => COMPUTE_KEYS.has(k) && unspecified.has(k));
    if (missing.length > 0) {
      throw forbidden("pods", name, `failed quota: ${quota.metadata.name}: must specify ${missing.join(",")}`);
    }
    const used = namespaceUsage(store, namespace);
    const exceeded = keys.filter((k) => {
      const requested = usage.get(k) ?? 0;
      return requested > 0 && (used.get(k) ?? 0) + requested > value(hard[k])! + 1e-9;
    });
    if (exceeded.length > 0) {
      const list = (get: (k: string) => string) => exceeded.map((k) => `${k}=${get(k)}`).join(",");
      throw forbidden(
        "pods",
        name,
        `exceeded quota: ${quota.metadata.name}, requested: ${list((k) => formatUsage(k, usage.get(k) ?? 0))}, used: ${list((k) =>
          formatUsage(k, used.get(k) ?? 0),
        )}, limited: ${list((k) => hard[k]!)}`,
      );
    }
  }
}
