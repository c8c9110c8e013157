import type { Db } from "@updraft/db";
import { coalesceByKey } from "../coalesce/coalesce-by-key";
import { admitScheduledTasks } from "./admit-scheduled-tasks";

const admitCoalesced = coalesceByKey<Db>(async (tenantId, db) => {
  await admitScheduledTasks(db, { tenantId });
});

/**
 * Admission for a tenant after the caller's transaction committed, when that
 * transaction found the tenant's admission lock busy: waits for the lock in a
 * fresh transaction (holding nothing else), and coalesces concurrent requests
 * of this process into one admission that starts after all of them.
 */
export function requestAdmission(db: Db, tenantId: string): Promise<void> {
  return admitCoalesced(tenantId, db);
}

/**
 * Whether this process is admitting for the tenant right now. Under load the
 * hot path then leaves admission to requestAdmission (one admission for many
 * outcomes) instead of admitting inline for each.
 */
export function isAdmissionInFlight(tenantId: string): boolean {
  return admitCoalesced.isBusy(tenantId);
}
