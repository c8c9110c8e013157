import { canonicalQuantity } from "@updraft/domain/quantity";
import { badRequest } from "./kube-status";
import type { KubeObject } from "./kube-object";
import type { KubeRequestPath } from "./parse-kube-request-path";
import { apiVersionOf, type ResourceKind } from "./resource-kinds";

/** Fills in apiVersion, kind and namespace of a request body, rejecting mismatches with 400 like the API server. */
export function normalizeIncoming(kind: ResourceKind, path: KubeRequestPath, body: unknown): KubeObject {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("the request body must be a JSON object");
  const object = body as KubeObject;
  if (object.apiVersion !== undefined && object.apiVersion !== apiVersionOf(kind)) {
    throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersionOf(kind)})`);
  }
  if (object.kind !== undefined && object.kind !== kind.kind) {
    throw badRequest(`the kind in the data (${object.kind}) does not match the expected kind (${kind.kind})`);
  }
  object.apiVersion = apiVersionOf(kind);
  object.kind = kind.kind;
  object.metadata ??= { name: "" };
  if (kind.namespaced) {
    object.metadata.namespace ??= path.namespace;
    if (object.metadata.namespace !== path.namespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
  }
  return object;
}

/** Rewrites quantities the way the API server stores them ("4000m" → "4"). */
export function canonicalize(object: KubeObject): void {
  if (object.kind === "ResourceQuota") {
    const spec = object.spec as { hard?: Record<string, string> } | undefined;
    for (const [k, v] of Object.entries(spec?.hard ?? {})) spec!.hard![k] = canonicalQuantity(v);
  }
  if (object.kind === "LimitRange") {
    const limits = ((object.spec as { limits?: Record<string, unknown>[] } | undefined)?.limits ?? []) as Record<string, unknown>[];
    for (const item of limits) {
      for (const field of ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"]) {
        const map = item[field] as Record<string, string> | undefined;
        for (const [k, v] of Object.entries(map ?? {})) map![k] = canonicalQuantity(v);
      }
    }
  }
}

