import type { ServerResponse } from "node:http";
import type { FakeObjectStore } from "./fake-object-store";
import type { FaultInjector } from "./fault-injector";
import { badRequest, notFound } from "./kube-status";
import { parseLogTimestamp } from "../../executor/log-timestamp";
import type { PodLogBuffer } from "./pod-log-buffer";
import { podKeyOf } from "./play-pod-lifecycle";

export interface PodLogContext {
  store: FakeObjectStore;
  logs: PodLogBuffer;
  faults: FaultInjector;
}

interface ContainerState {
  name: string;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown };
}

const WAITING_TEXT: Record<string, string> = {
  ErrImagePull: "trying and failing to pull image",
  ImagePullBackOff: "trying and failing to pull image",
};

/**
 * `GET …/pods/{name}/log`: what the container wrote (`timestamps`,
 * `sinceTime`, `sinceSeconds`, `tailLines`, `limitBytes`), and with
 * `follow=true` everything it writes until it exits. 400 while the
 * container has not started, like the kubelet.
 */
export function servePodLog(
  context: PodLogContext,
  namespace: string,
  name: string,
  query: URLSearchParams,
  response: ServerResponse,
): void {
  const pod = context.store.get("pods", namespace, name);
  if (!pod) throw notFound("pods", name);
  const containers = ((pod.spec as { containers?: { name: string }[] }).containers ?? []).map((c) => c.name);
  const container = query.get("container") ?? (containers.length === 1 ? containers[0] : undefined);
  if (!container || !containers.includes(container)) {
    throw badRequest(
      container ? `container ${container} is not valid for pod ${name}` : `a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]`,
    );
  }
  const status = ((pod.status as { containerStatuses?: ContainerState[] }).containerStatuses ?? []).find((c) => c.name === container);
  if (!status?.state?.running && !status?.state?.terminated) {
    const reason = status?.state?.waiting?.reason ?? "ContainerCreating";
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${WAITING_TEXT[reason] ?? reason}`);
  }

  const podKey = podKeyOf(namespace, name);
  const timestamps = query.get("timestamps") === "true";
  const sinceTime = query.get("sinceTime");
  const sinceSeconds = query.get("sinceSeconds");
  const since =
    sinceTime !== null
      ? parseLogTimestamp(sinceTime)
      : sinceSeconds !== null
        ? BigInt(Date.now() - Number(sinceSeconds) * 1000) * 1_000_000n
        : undefined;
  if (sinceTime !== null && since === undefined) throw badRequest(`invalid sinceTime "${sinceTime}"`);
  let budget = query.get("limitBytes") === null ? Infinity : Number(query.get("limitBytes"));

  response.writeHead(200, { "Content-Type": "text/plain", "Transfer-Encoding": "chunked" });
  response.flushHeaders();
  let sent = 0;
  const all = context.logs.lines(podKey);
  const tail = query.get("tailLines");
  if (tail !== null) sent = Math.max(0, all.length - Number(tail));

  const flush = () => {
    // Dropped (ended or destroyed) but not closed yet: writing now would be an error.
    if (response.writableEnded || response.destroyed) return;
    const lines = context.logs.lines(podKey);
    for (; sent < lines.length; sent++) {
      const line = lines[sent]!;
      if (since !== undefined && line.nanos < since) continue;
      const text = timestamps ? `${line.timestamp} ${line.text}` : line.text;
      if (budget <= 0) break;
      const chunk = text.length > budget ? text.slice(0, budget) : text;
      budget -= chunk.length;
      response.write(chunk);
    }
  };
  flush();
  if (query.get("follow") !== "true" || context.logs.ended(podKey) || budget <= 0) {
    response.end();
    return;
  }
  const stopListening = context.logs.listen(podKey, () => {
    flush();
    if (context.logs.ended(podKey) || budget <= 0) response.end();
  });
  const untrack = context.faults.trackStream((abrupt) => (abrupt ? response.socket?.destroy() : response.end()));
  response.on("close", () => {
    stopListening();
    untrack();
  });
}
