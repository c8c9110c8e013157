import { Prisma, type Tx } from "@updraft/db";
import type { AdmissionCoordinator } from "./admission-coordinator";

/*
 * Admission is serialised per tenant with a transaction-scoped advisory lock,
 * so two schedulers never hand out the same pool slot. The scheduler's hot
 * path only tries the lock (it never waits while holding run locks); when it
 * is busy, admission follows the commit (AdmissionCoordinator.request).
 */

const lockKey = (tenantId: string) => `updraft.admission:${tenantId}`;

/**
 * SQL that tries the tenant's admission lock and yields whether it is held
 * now; yields false without trying while this process is admitting for the
 * tenant anyway (the caller then requests admission after its commit).
 */
export function tryAdmissionLockSql(tenantId: string, admission: AdmissionCoordinator): Prisma.Sql {
  if (admission.isInFlight(tenantId)) return Prisma.sql`false`;
  return Prisma.sql`pg_try_advisory_xact_lock(hashtextextended(${lockKey(tenantId)}, 0))`;
}

export async function waitForAdmissionLock(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey(tenantId)}, 0))`;
}
