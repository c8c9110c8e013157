import { createHash } from "node:crypto";

/** RFC 1123 DNS label: what Kubernetes accepts as a pod or namespace name. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A pod name for an executor key. Keys from `executorKey()` already are DNS
 * labels and are used as they are (so the pod is findable by the key);
 * anything else is hashed into `ti-<hash>`, still deterministic.
 */
export function toDnsLabel(text: string): string {
  if (text.length <= 63 && DNS_LABEL.test(text)) return text;
  return `ti-${createHash("sha256").update(text).digest("hex").slice(0, 40)}`;
}
