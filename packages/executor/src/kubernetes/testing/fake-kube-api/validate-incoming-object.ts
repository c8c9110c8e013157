import { tryParseQuantity } from "@updraft/domain/quantity";
import { invalid, type InvalidCause } from "./kube-status";
import type { KubeObject } from "./kube-object";
import type { ResourceKind } from "./resource-kinds";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function checkQualifiedKey(key: string): string | undefined {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return "prefix part must be a DNS subdomain";
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

function checkMetadata(kind: ResourceKind, object: KubeObject, causes: InvalidCause[]): void {
  const name = object.metadata.name;
  const namePattern = kind.resource === "namespaces" ? DNS_LABEL : DNS_SUBDOMAIN;
  const maxName = kind.resource === "namespaces" ? 63 : 253;
  if (!name) causes.push({ field: "metadata.name", message: "Required value: name or generateName is required" });
  else if (name.length > maxName || !namePattern.test(name)) {
    causes.push({
      field: "metadata.name",
      message: `Invalid value: "${name}": a lowercase RFC 1123 ${kind.resource === "namespaces" ? "label" : "subdomain"} must consist of lower case alphanumeric characters, '-' or '.'`,
    });
  }
  for (const [key, value] of Object.entries(object.metadata.labels ?? {})) {
    const keyProblem = checkQualifiedKey(key);
    if (keyProblem) causes.push({ field: "metadata.labels", message: `Invalid value: "${key}": ${keyProblem}` });
    if (typeof value !== "string" || value.length > 63 || !LABEL_VALUE.test(value)) {
      causes.push({
        field: "metadata.labels",
        message: `Invalid value: "${String(value)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63 characters)`,
      });
    }
  }
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(object.metadata.annotations ?? {})) {
    const keyProblem = checkQualifiedKey(key);
    if (keyProblem) causes.push({ field: "metadata.annotations", message: `Invalid value: "${key}": ${keyProblem}` });
    annotationBytes += key.length + String(value).length;
  }
  if (annotationBytes > 256 * 1024) causes.push({ field: "metadata.annotations", message: "Too long: must have at most 262144 bytes" });
}

interface ContainerLike {
  name?: string;
  image?: string;
  env?: { name?: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

function checkPod(object: KubeObject, causes: InvalidCause[]): void {
  const spec = (object.spec ?? {}) as { containers?: ContainerLike[]; activeDeadlineSeconds?: number };
  const containers = spec.containers ?? [];
  if (containers.length === 0) causes.push({ field: "spec.containers", message: "Required value" });
  containers.forEach((container, i) => {
    const at = `spec.containers[${i}]`;
    if (!container.name || !DNS_LABEL.test(container.name)) causes.push({ field: `${at}.name`, message: `Invalid value: "${container.name ?? ""}"` });
    if (!container.image?.trim()) causes.push({ field: `${at}.image`, message: "Required value" });
    (container.env ?? []).forEach((variable, j) => {
      if (!variable.name || !ENV_NAME.test(variable.name)) {
        causes.push({
          field: `${at}.env[${j}].name`,
          message: `Invalid value: "${variable.name ?? ""}": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit`,
        });
      }
    });
    for (const [resource, text] of Object.entries(container.resources?.requests ?? {})) {
      const limit = container.resources?.limits?.[resource];
      const request = tryParseQuantity(text);
      const max = limit === undefined ? undefined : tryParseQuantity(limit);
      if (request && max && request.value > max.value + 1e-9) {
        causes.push({
          field: `${at}.resources.requests`,
          message: `Invalid value: "${text}": must be less than or equal to ${resource} limit of ${limit}`,
        });
      }
    }
  });
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds < 1) {
    causes.push({ field: "spec.activeDeadlineSeconds", message: "Invalid value: must be at least 1" });
  }
}

function checkSecret(object: KubeObject, causes: InvalidCause[]): void {
  for (const [key, value] of Object.entries((object.data ?? {}) as Record<string, string>)) {
    if (!SECRET_KEY.test(key)) causes.push({ field: `data[${key}]`, message: `Invalid value: "${key}": a valid config key must consist of alphanumeric characters, '-', '_' or '.'` });
    if (!BASE64.test(value)) causes.push({ field: `data[${key}]`, message: "Invalid value: illegal base64 data" });
  }
}

/**
 * Checks an object the way the API server would before storing it: the
 * upstream OpenAPI schema (kubernetes-models) plus the most important
 * server-side rules (name and label syntax, pod containers, env names,
 * requests ≤ limits, Secret keys). Throws a 422 `Invalid` status.
 */
export function validateIncomingObject(kind: ResourceKind, object: KubeObject): void {
  const causes: InvalidCause[] = [];
  try {
    kind.validate(object);
  } catch (error) {
    causes.push({ field: "", message: `schema: ${(error as Error).message}` });
  }
  if (typeof object.metadata !== "object" || object.metadata === null) {
    throw invalid(kind.kind, "", [{ field: "metadata", message: "Required value" }]);
  }
  checkMetadata(kind, object, causes);
  if (kind.resource === "pods") checkPod(object, causes);
  if (kind.resource === "secrets") checkSecret(object, causes);
  if (causes.length > 0) throw invalid(kind.kind, object.metadata.name ?? "", causes);
}
