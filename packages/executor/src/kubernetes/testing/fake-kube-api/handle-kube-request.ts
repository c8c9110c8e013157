import type { IncomingMessage, ServerResponse } from "node:http";
import { namespaceUsage } from "./admit-pod";
import { create } from "./create-object";
import { remove } from "./delete-object";
import type { RequestTarget } from "./fault-injector";
import type { KubeRequestContext } from "./kube-request-context";
import { badRequest, KubeStatusError, notFound } from "./kube-status";
import type { KubeObject } from "./kube-object";
import { normalizeIncoming } from "./normalize-incoming-object";
import { parseKubeRequestPath, type KubeRequestPath } from "./parse-kube-request-path";
import { formatUsage } from "./pod-resource-usage";
import type { RecordedRequest } from "./recorded-request";
import { apiVersionOf } from "./resource-kinds";
import { servePodLog } from "./serve-pod-log";
import { servePodMetrics } from "./serve-pod-metrics";
import { collectionFilter, serveWatch } from "./serve-watch";
import { patchBody, replace } from "./update-object";

export type { KubeRequestContext } from "./kube-request-context";

function verbOf(method: string, path: KubeRequestPath, query: URLSearchParams): string {
  switch (method) {
    case "GET":
      if (query.get("watch") === "true" || query.get("watch") === "1") return "watch";
      return path.name === undefined ? "list" : "get";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return path.name === undefined ? "deletecollection" : "delete";
    default:
      return method.toLowerCase();
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch (error) {
    throw badRequest(`the request body is not valid JSON: ${(error as Error).message}`);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** What the API server shows for an object (ResourceQuota status is computed from the namespace's pods). */
function present(context: KubeRequestContext, object: KubeObject): KubeObject {
  if (object.kind !== "ResourceQuota") return object;
  const hard = ((object.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<string, string>;
  const used = namespaceUsage(context.store, object.metadata.namespace!);
  return {
    ...object,
    status: { hard, used: Object.fromEntries(Object.keys(hard).map((k) => [k, formatUsage(k, used.get(k) ?? 0)])) },
  };
}

/**
 * The double's request handler: records the request, applies armed faults
 * and latency, then serves get/list/watch/create/update/patch/delete for the
 * kinds in RESOURCE_KINDS with the API server's status codes and bodies.
 */
export function createKubeRequestHandler(context: KubeRequestContext) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://fake");
    const query = url.searchParams;
    const method = request.method ?? "GET";
    const path = parseKubeRequestPath(url.pathname);
    const raw = await readBody(request);
    const record: RecordedRequest = {
      at: Date.now(),
      method,
      path: url.pathname,
      query: Object.fromEntries(query),
      verb: path ? verbOf(method, path, query) : method.toLowerCase(),
      group: path?.kind.group ?? "",
      resource: path ? (path.subresource ? `${path.kind.resource}/${path.subresource}` : path.kind.resource) : url.pathname,
      ...(path?.namespace !== undefined ? { namespace: path.namespace } : {}),
      ...(path?.name !== undefined ? { name: path.name } : {}),
      status: 200,
    };
    context.requests.push(record);

    try {
      if (context.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, context.faults.latencyMs));
      if (!path) throw new KubeStatusError(404, "NotFound", "the server could not find the requested resource");
      const target: RequestTarget = { verb: record.verb, resource: record.resource, namespace: path.namespace, name: path.name };
      const fault = context.faults.takeFailure(target);
      if (fault) throw fault;
      const body = parseJson(raw);
      if (body !== undefined) record.body = body;
      const { kind } = path;
      if (path.subresource && !kind.subresources.includes(path.subresource)) {
        throw new KubeStatusError(404, "NotFound", "the server could not find the requested resource");
      }

      if (kind.group === "metrics.k8s.io") {
        servePodMetrics(context, record.verb, path, query, response);
        return;
      }

      switch (record.verb) {
        case "get": {
          if (path.subresource === "log") {
            servePodLog(context, path.namespace!, path.name!, query, response);
            return;
          }
          const object = context.store.get(kind.resource, path.namespace, path.name!);
          if (!object) throw notFound(kind.resource, path.name!);
          return sendJson(response, 200, present(context, object));
        }
        case "list": {
          const matches = collectionFilter(path, query);
          const items = context.store
            .list(kind.resource, path.namespace)
            .filter(matches)
            .map((o) => present(context, o));
          return sendJson(response, 200, {
            apiVersion: apiVersionOf(kind),
            kind: `${kind.kind}List`,
            metadata: { resourceVersion: String(context.store.resourceVersion) },
            items,
          });
        }
        case "watch":
          serveWatch(context, path, query, response);
          return;
        case "create":
          record.status = 201;
          return sendJson(response, 201, present(context, create(context, path, body)));
        case "update":
        case "patch": {
          const existing = context.store.get(kind.resource, path.namespace, path.name!);
          if (!existing) throw notFound(kind.resource, path.name!);
          const incoming =
            record.verb === "update"
              ? normalizeIncoming(kind, path, body)
              : normalizeIncoming(kind, path, patchBody(request.headers["content-type"], existing, body));
          if (record.verb === "patch" && (body as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion === undefined) {
            incoming.metadata.resourceVersion = existing.metadata.resourceVersion;
          }
          return sendJson(response, 200, present(context, replace(context, path, incoming, existing)));
        }
        case "delete":
          return sendJson(response, 200, remove(context, path, query, body));
        default:
          throw new KubeStatusError(405, "MethodNotAllowed", `${method} is not supported on ${record.resource}`);
      }
    } catch (error) {
      const status =
        error instanceof KubeStatusError ? error : new KubeStatusError(500, "InternalError", `fake API bug: ${(error as Error).stack ?? String(error)}`);
      record.status = status.code;
      record.message = status.message;
      if (!response.headersSent) sendJson(response, status.code, status.toStatus(), status.headers);
      else response.end();
    }
  };
}
