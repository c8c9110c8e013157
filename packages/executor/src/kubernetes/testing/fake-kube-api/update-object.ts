import { applyJsonPatch, applyMergePatch } from "./apply-patch";
import type { KubeRequestContext } from "./kube-request-context";
import { badRequest, conflict, invalid, KubeStatusError } from "./kube-status";
import { deepCopy, type KubeObject } from "./kube-object";
import { canonicalize } from "./normalize-incoming-object";
import type { KubeRequestPath } from "./parse-kube-request-path";
import { validateIncomingObject } from "./validate-incoming-object";

const WITH_STATUS = new Set(["pods", "namespaces", "resourcequotas"]);

function podSpecWithoutMutableFields(spec: unknown): string {
  const copy = deepCopy((spec ?? {}) as { containers?: { image?: string }[]; activeDeadlineSeconds?: number; tolerations?: unknown; nodeName?: string });
  delete copy.activeDeadlineSeconds;
  delete copy.tolerations;
  delete copy.nodeName;
  for (const c of copy.containers ?? []) delete c.image;
  return JSON.stringify(copy);
}

/**
 * PUT (and PATCH after the patch is applied): optimistic concurrency on
 * resourceVersion (409 Conflict), status kept on the main resource and only
 * status taken on `/status`, pod spec immutability, validation.
 */
export function replace(context: KubeRequestContext, path: KubeRequestPath, incoming: KubeObject, existing: KubeObject): KubeObject {
  const { kind } = path;
  if (incoming.metadata.name !== path.name) {
    throw badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${path.name})`);
  }
  const expected = incoming.metadata.resourceVersion;
  if (expected !== undefined && expected !== "" && expected !== existing.metadata.resourceVersion) {
    throw conflict(kind.resource, existing.metadata.name);
  }
  let next: KubeObject;
  if (path.subresource === "status") {
    next = { ...existing, status: incoming.status };
  } else {
    next = { ...incoming, metadata: { ...incoming.metadata, uid: existing.metadata.uid } };
    if (WITH_STATUS.has(kind.resource)) next.status = existing.status;
    if (kind.resource === "namespaces") next.spec = existing.spec;
    if (existing.metadata.deletionTimestamp) next.metadata.deletionTimestamp = existing.metadata.deletionTimestamp;
    if (kind.resource === "pods" && podSpecWithoutMutableFields(existing.spec) !== podSpecWithoutMutableFields(incoming.spec)) {
      throw invalid("Pod", existing.metadata.name, [
        {
          field: "spec",
          message:
            "Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations)",
        },
      ]);
    }
  }
  validateIncomingObject(kind, next);
  canonicalize(next);
  return context.store.update(kind.resource, next);
}

/** The object after applying a PATCH body of the request's content type. */
export function patchBody(contentType: string | undefined, existing: KubeObject, patch: unknown): unknown {
  const type = (contentType ?? "").split(";")[0]!.trim();
  if (type === "application/merge-patch+json" || type === "application/strategic-merge-patch+json") {
    return applyMergePatch(existing, patch);
  }
  if (type === "application/json-patch+json") return applyJsonPatch(existing, patch);
  throw new KubeStatusError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`);
}

