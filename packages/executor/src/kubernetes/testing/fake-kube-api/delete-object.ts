import type { KubeRequestContext } from "./kube-request-context";
import { notFound } from "./kube-status";
import { nowTimestamp, type KubeObject } from "./kube-object";
import type { KubeRequestPath } from "./parse-kube-request-path";
import { podKeyOf } from "./play-pod-lifecycle";
import { isTerminalPod } from "./pod-resource-usage";
import { RESOURCE_KINDS } from "./resource-kinds";

function removePod(context: KubeRequestContext, namespace: string, name: string): KubeObject | undefined {
  context.lifecycle.stop(namespace, name);
  context.logs.forget(podKeyOf(namespace, name));
  return context.store.remove("pods", namespace, name);
}

function later(context: KubeRequestContext, ms: number, action: () => void): void {
  const timer = setTimeout(() => {
    context.timers.delete(timer);
    action();
  }, ms);
  context.timers.add(timer);
}

/**
 * DELETE: running pods linger with a deletionTimestamp for the grace period
 * (0 or finished: gone at once); namespaces turn Terminating, then take
 * everything in them along; other objects go at once.
 */
export function remove(context: KubeRequestContext, path: KubeRequestPath, query: URLSearchParams, body: unknown): KubeObject | Record<string, unknown> {
  const { kind } = path;
  const name = path.name!;
  const existing = context.store.get(kind.resource, path.namespace, name);
  if (!existing) throw notFound(kind.resource, name);
  const options = (body ?? {}) as { gracePeriodSeconds?: number };
  const grace = query.get("gracePeriodSeconds") !== null ? Number(query.get("gracePeriodSeconds")) : options.gracePeriodSeconds;

  if (kind.resource === "pods") {
    if (existing.metadata.deletionTimestamp) return existing;
    if (grace === 0 || isTerminalPod(existing) || context.podGracePeriodMs === 0) {
      return removePod(context, path.namespace!, name) ?? existing;
    }
    existing.metadata.deletionTimestamp = nowTimestamp();
    existing.metadata.deletionGracePeriodSeconds = grace ?? 30;
    context.lifecycle.stop(path.namespace!, name);
    const marked = context.store.update("pods", existing);
    later(context, context.podGracePeriodMs, () => removePod(context, path.namespace!, name));
    return marked;
  }

  if (kind.resource === "namespaces") {
    if (existing.metadata.deletionTimestamp) return existing;
    existing.metadata.deletionTimestamp = nowTimestamp();
    existing.status = { phase: "Terminating" };
    const marked = context.store.update("namespaces", existing);
    later(context, context.namespaceDeletionMs, () => {
      for (const contained of RESOURCE_KINDS.filter((k) => k.namespaced && k.group !== "metrics.k8s.io")) {
        for (const object of context.store.list(contained.resource, name)) {
          if (contained.resource === "pods") removePod(context, name, object.metadata.name);
          else context.store.remove(contained.resource, name, object.metadata.name);
        }
      }
      context.store.remove("namespaces", undefined, name);
    });
    return marked;
  }

  context.store.remove(kind.resource, path.namespace, name);
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details: { name, kind: kind.resource } };
}

