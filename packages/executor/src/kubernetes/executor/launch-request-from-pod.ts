import type { V1Pod } from "@kubernetes/client-node";
import { z } from "zod";
import type { LaunchRequest } from "../../executor";
import { GPU_RESOURCE } from "../pods/build-pod-resources";
import { KEY_ANNOTATION, LAUNCH_ANNOTATION, TASK_CONTAINER } from "../names/updraft-labels";

const launchAnnotation = z.object({
  taskInstanceId: z.string(),
  tryNumber: z.number().int(),
  tenantSlug: z.string(),
  dagId: z.string(),
  runId: z.string(),
  taskId: z.string(),
  executionTimeoutSeconds: z.number().nullable(),
});

/** The executor key a pod runs, from its annotation. */
export function keyOfPod(pod: V1Pod): string | undefined {
  return pod.metadata?.annotations?.[KEY_ANNOTATION];
}

/**
 * Rebuilds the launch of a pod Updraft created earlier (a restarted
 * scheduler adopting it): identity from the launch annotation, the rest from
 * the pod spec. Secret-backed env values are not part of it (they never are
 * in the pod). Undefined for pods without valid annotations.
 */
export function launchRequestFromPod(pod: V1Pod): LaunchRequest | undefined {
  const key = keyOfPod(pod);
  const raw = pod.metadata?.annotations?.[LAUNCH_ANNOTATION];
  if (!key || !raw) return undefined;
  let parsed: z.infer<typeof launchAnnotation>;
  try {
    parsed = launchAnnotation.parse(JSON.parse(raw));
  } catch {
    return undefined;
  }
  const container = pod.spec?.containers.find((c) => c.name === TASK_CONTAINER) ?? pod.spec?.containers[0];
  const env = Object.fromEntries((container?.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  const quantities = (map: Record<string, string> | undefined) => ({
    ...(map?.cpu ? { cpu: map.cpu } : {}),
    ...(map?.memory ? { memory: map.memory } : {}),
    ...(map?.[GPU_RESOURCE] ? { gpu: Number(map[GPU_RESOURCE]) } : {}),
  });
  return {
    key,
    ...parsed,
    image: container?.image ?? null,
    command: container?.command ?? [],
    args: container?.args ?? [],
    env,
    resources: { requests: quantities(container?.resources?.requests), limits: quantities(container?.resources?.limits) },
    nodeSelector: pod.spec?.nodeSelector ?? {},
    tolerations: (pod.spec?.tolerations ?? []).map((t) => ({
      ...(t.key !== undefined ? { key: t.key } : {}),
      ...(t.operator === "Exists" || t.operator === "Equal" ? { operator: t.operator } : {}),
      ...(t.value !== undefined ? { value: t.value } : {}),
      ...(t.effect !== undefined ? { effect: t.effect } : {}),
      ...(t.tolerationSeconds !== undefined ? { tolerationSeconds: t.tolerationSeconds } : {}),
    })),
    // Injected from the tenant's Secrets by reference; an adopted pod is never rebuilt, so they are not needed.
    connectionIds: [],
    secretNames: [],
  };
}
