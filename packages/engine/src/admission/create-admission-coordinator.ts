import type { Db } from "@updraft/db";
import { coalesceByKey } from "../coalesce/coalesce-by-key";
import type { AdmissionCoordinator } from "./admission-coordinator";
import { admitScheduledTasks } from "./admit-scheduled-tasks";

/**
 * The scheduler process's admission coordinator: concurrent requests for a
 * tenant coalesce into one admission that starts after all of them. Its state
 * (which tenants are being admitted) belongs to the process that created it.
 */
export function createAdmissionCoordinator(db: Db): AdmissionCoordinator {
  const admitCoalesced = coalesceByKey<Db>(async (tenantId, database) => {
    await admitScheduledTasks(database, { tenantId });
  });
  return {
    request: (tenantId) => admitCoalesced(tenantId, db),
    isInFlight: (tenantId) => admitCoalesced.isBusy(tenantId),
  };
}

/**
 * Admission without a coordinator (tests and one-off callers that run one
 * service at a time): each request admits at once, nothing is coalesced.
 */
export function directAdmission(db: Db): AdmissionCoordinator {
  return {
    request: async (tenantId) => {
      await admitScheduledTasks(db, { tenantId });
    },
    isInFlight: () => false,
  };
}
