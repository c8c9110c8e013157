import { createHash } from "node:crypto";

const UUID_HEX = /^[0-9a-f]{32}$/;
const KEY = /^ti-([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})-t(\d+)$/;

/**
 * The deterministic name of one try of one task instance, e.g.
 * `ti-3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b-t2`.
 *
 * Safe as a DNS label (lowercase alphanumerics and '-', at most 63 characters),
 * so the same key names a local process or a Kubernetes pod, and a second
 * launch of the same try finds the first one. Task instance ids are UUIDs; any
 * other id is hashed so the key keeps the same shape and stays unique.
 */
export function executorKey(taskInstanceId: string, tryNumber: number): string {
  if (!Number.isSafeInteger(tryNumber) || tryNumber < 0) {
    throw new Error(`tryNumber must be a non-negative integer, got ${String(tryNumber)}`);
  }
  const compact = taskInstanceId.replaceAll("-", "").toLowerCase();
  const hex = UUID_HEX.test(compact)
    ? compact
    : createHash("sha256").update(taskInstanceId).digest("hex").slice(0, 32);
  return `ti-${hex}-t${tryNumber}`;
}

/**
 * The task instance and try a key names: the inverse of `executorKey` for
 * task instance ids that are UUIDs (which all are), e.g. for a pod a restarted
 * scheduler finds without having launched it. Undefined for any other text,
 * and for a try number beyond what `executorKey` accepts.
 */
export function parseExecutorKey(key: string): { taskInstanceId: string; tryNumber: number } | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const [, a, b, c, d, e, tryText] = match as unknown as string[];
  const tryNumber = Number(tryText);
  return Number.isSafeInteger(tryNumber) ? { taskInstanceId: `${a}-${b}-${c}-${d}-${e}`, tryNumber } : undefined;
}
