import { Metrics, type KubeConfig, type PodMetric } from "@kubernetes/client-node";
import { tryParseQuantity } from "@updraft/domain/quantity";
import type { Logger } from "pino";
import type { UsageReading } from "../../executor";
import { describeKubeError, kubeFailureOf } from "../api/kube-api-error";

export interface RunningPod {
  key: string;
  namespace: string;
  name: string;
}

/**
 * Maps one namespace's PodMetrics to readings of the running pods asked for:
 * the pod's containers summed (cores as `cpuCores`, working set bytes as
 * `memoryBytes`). Pods without metrics (just started, not ours) are left out,
 * and so are pods whose quantities do not parse.
 */
export function readingsFromPodMetrics(items: readonly PodMetric[], pods: readonly RunningPod[]): UsageReading[] {
  const byName = new Map(items.map((item) => [item.metadata.name, item]));
  return pods.flatMap((pod) => {
    const metric = byName.get(pod.name);
    if (!metric) return [];
    let cpuCores = 0;
    let memoryBytes = 0;
    for (const container of metric.containers ?? []) {
      const cpu = tryParseQuantity(container.usage?.cpu ?? "");
      const memory = tryParseQuantity(container.usage?.memory ?? "");
      if (!cpu || !memory) return [];
      cpuCores += cpu.value;
      memoryBytes += memory.value;
    }
    return [{ key: pod.key, cpuCores, memoryBytes: Math.round(memoryBytes) }];
  });
}

/**
 * Samples running task pods through metrics.k8s.io (metrics-server), one
 * PodMetrics list per tenant namespace with running pods. A namespace whose
 * metrics cannot be read (no metrics-server: 404, missing RBAC: 403, …) is
 * skipped; each distinct problem is logged once as a warning, then at debug.
 */
export function createPodUsageSampler(kubeConfig: KubeConfig, logger: Logger) {
  const metrics = new Metrics(kubeConfig);
  const warned = new Set<string>();

  return async function samplePodUsage(pods: readonly RunningPod[]): Promise<UsageReading[]> {
    const byNamespace = new Map<string, RunningPod[]>();
    for (const pod of pods) byNamespace.set(pod.namespace, [...(byNamespace.get(pod.namespace) ?? []), pod]);
    const perNamespace = await Promise.all(
      [...byNamespace].map(async ([namespace, inNamespace]) => {
        try {
          const list = await metrics.getPodMetrics(namespace);
          return readingsFromPodMetrics(list.items ?? [], inNamespace);
        } catch (error) {
          const problem = describeKubeError(error);
          const kind = String(kubeFailureOf(error)?.code ?? problem);
          const level = warned.has(kind) ? "debug" : "warn";
          warned.add(kind);
          logger[level]({ namespace, err: error }, `could not read pod metrics (metrics.k8s.io; is metrics-server installed?): ${problem}; usage of these pods is not metered`);
          return [];
        }
      }),
    );
    return perNamespace.flat();
  };
}
