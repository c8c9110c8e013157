import { createHash } from "node:crypto";

/** A fixed namespace for Updraft scheduler ids (RFC 4122 name-based ids, version 5). */
const SCHEDULER_ID_NAMESPACE = "5b0a43c2-2f6e-4d6e-9a7c-0d7b1f8e6a31";

/**
 * The scheduler id (a UUID, what UPDRAFT_SCHEDULER_ID takes) for a replica
 * name such as a StatefulSet pod name ("updraft/updraft-scheduler-0"):
 * the same name always gives the same id, so a restarted replica adopts the
 * pods it left running.
 */
export function schedulerIdForName(name: string): string {
  const namespaceBytes = Buffer.from(SCHEDULER_ID_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
