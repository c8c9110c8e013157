/**
 * Admission after a commit, for one scheduler process: the process creates one
 * (createAdmissionCoordinator) and passes it to the services whose transaction
 * may find a tenant's admission lock busy (evaluateRun, recordTaskOutcome).
 */
export interface AdmissionCoordinator {
  /**
   * Admission for a tenant after the caller's transaction committed, when that
   * transaction found the tenant's admission lock busy: waits for the lock in a
   * fresh transaction (holding nothing else).
   */
  request(tenantId: string): Promise<void>;
  /**
   * Whether this process is admitting for the tenant right now. Under load the
   * hot path then leaves admission to request() (one admission for many
   * outcomes) instead of admitting inline for each.
   */
  isInFlight(tenantId: string): boolean;
}
