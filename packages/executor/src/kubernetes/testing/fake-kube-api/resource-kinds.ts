import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { Role, RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1";
import { LimitRange, Namespace, Pod, ResourceQuota, Secret, ServiceAccount } from "kubernetes-models/v1";

/** Validates one object against the upstream OpenAPI schema; throws with the violations. */
type Validate = (object: unknown) => void;

export interface ResourceKind {
  /** "" for the core group. */
  group: string;
  version: string;
  /** Plural, as in the URL: "pods". */
  resource: string;
  kind: string;
  namespaced: boolean;
  /** Subresources the double serves. */
  subresources: string[];
  validate: Validate;
}

function validator(Model: new (data: never) => { validate(): void }): Validate {
  return (object) => new Model(object as never).validate();
}

function readOnly(kind: string): Validate {
  return () => {
    throw new Error(`${kind} is read-only`);
  };
}

/** Everything the double serves, and the schema each object is checked against. */
export const RESOURCE_KINDS: ResourceKind[] = [
  { group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false, subresources: ["status"], validate: validator(Namespace) },
  { group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true, subresources: ["status", "log"], validate: validator(Pod) },
  { group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true, subresources: [], validate: validator(Secret) },
  { group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true, subresources: [], validate: validator(ServiceAccount) },
  { group: "", version: "v1", resource: "resourcequotas", kind: "ResourceQuota", namespaced: true, subresources: ["status"], validate: validator(ResourceQuota) },
  { group: "", version: "v1", resource: "limitranges", kind: "LimitRange", namespaced: true, subresources: [], validate: validator(LimitRange) },
  { group: "networking.k8s.io", version: "v1", resource: "networkpolicies", kind: "NetworkPolicy", namespaced: true, subresources: [], validate: validator(NetworkPolicy) },
  { group: "rbac.authorization.k8s.io", version: "v1", resource: "roles", kind: "Role", namespaced: true, subresources: [], validate: validator(Role) },
  // Read-only, computed from the running pods (see serve-pod-metrics.ts); never stored.
  { group: "metrics.k8s.io", version: "v1beta1", resource: "pods", kind: "PodMetrics", namespaced: true, subresources: [], validate: readOnly("PodMetrics") },
  { group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings", kind: "RoleBinding", namespaced: true, subresources: [], validate: validator(RoleBinding) },
];

export function apiVersionOf(kind: ResourceKind): string {
  return kind.group ? `${kind.group}/${kind.version}` : kind.version;
}

export function findResourceKind(group: string, version: string, resource: string): ResourceKind | undefined {
  return RESOURCE_KINDS.find((k) => k.group === group && k.version === version && k.resource === resource);
}

export function resourceKindByName(resource: string): ResourceKind {
  const kind = RESOURCE_KINDS.find((k) => k.resource === resource && k.group !== "metrics.k8s.io");
  if (!kind) throw new Error(`the fake Kubernetes API does not serve "${resource}"`);
  return kind;
}
