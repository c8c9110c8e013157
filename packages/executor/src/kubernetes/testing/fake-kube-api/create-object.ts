import { randomBytes } from "node:crypto";
import { applyPodDefaults, checkLimitRanges, checkResourceQuotas } from "./admit-pod";
import { checkPodSecurity } from "./check-pod-security";
import type { KubeRequestContext } from "./kube-request-context";
import { alreadyExists, forbidden, notFound } from "./kube-status";
import type { KubeObject } from "./kube-object";
import { canonicalize, normalizeIncoming } from "./normalize-incoming-object";
import type { KubeRequestPath } from "./parse-kube-request-path";
import type { ResourceKind } from "./resource-kinds";
import { validateIncomingObject } from "./validate-incoming-object";

function requireNamespace(context: KubeRequestContext, kind: ResourceKind, namespace: string, name: string): void {
  const ns = context.store.get("namespaces", undefined, namespace);
  if (!ns) throw notFound("namespaces", namespace);
  if (ns.metadata.deletionTimestamp) {
    throw forbidden(kind.resource, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}

/**
 * POST: validation, then (pods) Pod Security, LimitRange defaults and limits
 * and ResourceQuota admission, then the existence check (409), like the API
 * server orders them. A created pod starts playing its script.
 */
export function create(context: KubeRequestContext, path: KubeRequestPath, body: unknown): KubeObject {
  const { kind } = path;
  const object = normalizeIncoming(kind, path, body);
  const generateName = object.metadata.generateName as string | undefined;
  if (!object.metadata.name && generateName) object.metadata.name = `${generateName}${randomBytes(3).toString("hex").slice(0, 5)}`;
  for (const field of ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"]) delete object.metadata[field];
  validateIncomingObject(kind, object);
  const name = object.metadata.name;
  if (kind.namespaced) requireNamespace(context, kind, path.namespace!, name);
  if (kind.resource === "pods") {
    checkPodSecurity(context.store, object);
    applyPodDefaults(context.store, object);
    validateIncomingObject(kind, object);
    checkLimitRanges(context.store, object);
    checkResourceQuotas(context.store, object);
    object.status = { phase: "Pending", conditions: [], qosClass: "Burstable" };
  }
  if (kind.resource === "namespaces") {
    object.spec = { finalizers: ["kubernetes"] };
    object.status = { phase: "Active" };
  }
  if (kind.resource === "resourcequotas") delete object.status;
  canonicalize(object);
  if (context.store.get(kind.resource, path.namespace, name)) throw alreadyExists(kind.resource, kind.group, name);
  const stored = context.store.create(kind.resource, object);
  if (kind.resource === "pods") context.lifecycle.start(stored);
  return stored;
}

