import { findResourceKind, type ResourceKind } from "./resource-kinds";

export interface KubeRequestPath {
  kind: ResourceKind;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * Reads `/api/v1/namespaces/{ns}/pods/{name}/log`, `/apis/{group}/{version}/…`
 * and the cluster-wide collection form (`/api/v1/pods`). Undefined for
 * anything the double does not serve.
 */
export function parseKubeRequestPath(pathname: string): KubeRequestPath | undefined {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api" && parts.length >= 2) {
    group = "";
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === "apis" && parts.length >= 3) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  const namespaces = findResourceKind(group, version, "namespaces") ?? findResourceKind("", "v1", "namespaces")!;

  if (rest[0] === "namespaces" && rest.length >= 3) {
    const kind = findResourceKind(group, version, rest[2]!);
    if (kind?.namespaced) {
      if (rest.length > 5) return undefined;
      return { kind, namespace: rest[1], name: rest[3], subresource: rest[4] };
    }
    if (group === "" && rest.length === 3) return { kind: namespaces, name: rest[1], subresource: rest[2] };
    return undefined;
  }
  const kind = findResourceKind(group, version, rest[0] ?? "");
  if (!kind) return undefined;
  if (kind.namespaced) return rest.length === 1 ? { kind } : undefined;
  if (rest.length > 3) return undefined;
  return { kind, name: rest[1], subresource: rest[2] };
}
