import type { ServerResponse } from "node:http";
import type { FakeObjectStore, StoreEvent } from "./fake-object-store";
import type { FaultInjector } from "./fault-injector";
import { badRequest, expired } from "./kube-status";
import type { KubeObject } from "./kube-object";
import { parseFieldSelector, parseLabelSelector } from "./match-label-selector";
import type { KubeRequestPath } from "./parse-kube-request-path";
import { apiVersionOf } from "./resource-kinds";

export interface WatchContext {
  store: FakeObjectStore;
  faults: FaultInjector;
  bookmarkIntervalMs: number;
}

/** A matcher for the list/watch filters of a request (namespace, labelSelector, fieldSelector). */
export function collectionFilter(path: KubeRequestPath, query: URLSearchParams): (object: KubeObject) => boolean {
  const labels = parseLabelSelector(query.get("labelSelector"));
  const fields = parseFieldSelector(query.get("fieldSelector"));
  return (object) =>
    (path.namespace === undefined || object.metadata.namespace === path.namespace) &&
    labels(object.metadata.labels) &&
    fields({
      "metadata.name": object.metadata.name,
      "metadata.namespace": object.metadata.namespace ?? "",
      "status.phase": (object.status as { phase?: string } | undefined)?.phase ?? "",
    });
}

/**
 * A watch: chunked JSON lines of ADDED/MODIFIED/DELETED (and BOOKMARK when
 * asked), from `resourceVersion` (replaying history; 410 Expired as an ERROR
 * event when it was compacted), or from now with ADDED for what exists.
 * An object that stops matching the selector is sent as DELETED, like the
 * API server's watch cache does.
 */
export function serveWatch(context: WatchContext, path: KubeRequestPath, query: URLSearchParams, response: ServerResponse): void {
  const { store, faults } = context;
  const matches = collectionFilter(path, query);
  const requested = query.get("resourceVersion");
  if (requested && requested !== "0" && !/^\d+$/.test(requested)) throw badRequest(`invalid resourceVersion "${requested}"`);

  response.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
  response.flushHeaders();
  const send = (type: string, object: unknown) => {
    if (!response.writableEnded && !response.destroyed) response.write(`${JSON.stringify({ type, object })}\n`);
  };
  const resource = path.kind.resource;
  const deliver = (event: StoreEvent) => {
    if (event.resource !== resource) return;
    const now = matches(event.object);
    const before = event.previous ? matches(event.previous) : false;
    if (event.type === "ADDED" && now) send("ADDED", event.object);
    else if (event.type === "DELETED" && now) send("DELETED", event.object);
    else if (event.type === "MODIFIED") {
      if (now && before) send("MODIFIED", event.object);
      else if (now) send("ADDED", event.object);
      else if (before) send("DELETED", event.object);
    }
  };

  if (!requested || requested === "0") {
    for (const object of store.list(resource)) if (matches(object)) send("ADDED", object);
  } else {
    const events = store.eventsSince(Number(requested));
    if (events === "expired") {
      send("ERROR", expired(requested, store.compactedThrough + 1).toStatus());
      response.end();
      return;
    }
    for (const event of events) deliver(event);
  }

  const unsubscribe = store.subscribe(deliver);
  const timers: NodeJS.Timeout[] = [];
  if (query.get("allowWatchBookmarks") === "true" && context.bookmarkIntervalMs > 0) {
    timers.push(
      setInterval(() => {
        send("BOOKMARK", { kind: path.kind.kind, apiVersion: apiVersionOf(path.kind), metadata: { resourceVersion: String(store.resourceVersion) } });
      }, context.bookmarkIntervalMs),
    );
  }
  const timeoutSeconds = Number(query.get("timeoutSeconds") ?? 0);
  if (timeoutSeconds > 0) timers.push(setTimeout(() => response.end(), timeoutSeconds * 1000));
  const untrack = faults.trackStream((abrupt) => (abrupt ? response.socket?.destroy() : response.end()));
  response.on("close", () => {
    unsubscribe();
    untrack();
    for (const timer of timers) clearTimeout(timer);
  });
}
