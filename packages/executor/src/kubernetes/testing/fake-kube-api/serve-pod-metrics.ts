import type { ServerResponse } from "node:http";
import type { KubeRequestContext } from "./kube-request-context";
import { nowTimestamp, type KubeObject } from "./kube-object";
import { KubeStatusError } from "./kube-status";
import type { KubeRequestPath } from "./parse-kube-request-path";
import { podContainers, podPhase } from "./pod-resource-usage";
import { collectionFilter } from "./serve-watch";

const NOT_FOUND = "the server could not find the requested resource";

/** metrics-server's PodMetrics for one running pod: every container reports the pod script's usage. */
function podMetrics(context: KubeRequestContext, pod: KubeObject) {
  const usage = context.scriptFor(pod).usage ?? { cpu: "0", memory: "0" };
  return {
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      creationTimestamp: nowTimestamp(),
      labels: pod.metadata.labels ?? {},
    },
    timestamp: nowTimestamp(),
    window: "15s",
    containers: podContainers(pod).map((c) => ({ name: c.name, usage: { cpu: usage.cpu, memory: usage.memory } })),
  };
}

function sendJson(response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

/**
 * `GET /apis/metrics.k8s.io/v1beta1/namespaces/{ns}/pods[/{name}]`, like
 * metrics-server: the current usage of running pods (those not running have
 * no metrics: 404 for one, left out of a list). Without a metrics server
 * (`metricsServer: false`) the whole group is 404.
 */
export function servePodMetrics(
  context: KubeRequestContext,
  verb: string,
  path: KubeRequestPath,
  query: URLSearchParams,
  response: ServerResponse,
): void {
  if (!context.metricsServer) throw new KubeStatusError(404, "NotFound", NOT_FOUND);
  const running = (pod: KubeObject) => podPhase(pod) === "Running" && !pod.metadata.deletionTimestamp;
  if (verb === "get") {
    const pod = context.store.get("pods", path.namespace, path.name!);
    if (!pod || !running(pod)) throw new KubeStatusError(404, "NotFound", `podmetrics.metrics.k8s.io "${path.name!}" not found`);
    return sendJson(response, { kind: "PodMetrics", apiVersion: "metrics.k8s.io/v1beta1", ...podMetrics(context, pod) });
  }
  if (verb === "list") {
    const matches = collectionFilter(path, query);
    const items = context.store
      .list("pods", path.namespace)
      .filter((pod) => running(pod) && matches(pod))
      .map((pod) => podMetrics(context, pod));
    return sendJson(response, { kind: "PodMetricsList", apiVersion: "metrics.k8s.io/v1beta1", metadata: {}, items });
  }
  throw new KubeStatusError(405, "MethodNotAllowed", `${verb} is not supported on podmetrics`);
}
