/**
 * The tenant's ResourceQuota has no room for the pod right now (403
 * "exceeded quota"). Not the task's fault and not a failed try: the scheduler
 * should put the task back in the queue ("waiting for quota") and launch it
 * again when running pods finish.
 */
export class QuotaExceededError extends Error {
  override readonly name = "QuotaExceededError";

  constructor(
    readonly namespace: string,
    readonly key: string,
    /** The API server's message: what was requested, used and limited. */
    readonly apiMessage: string,
  ) {
    super(`The pod for ${key} does not fit the quota of namespace ${namespace} right now: ${apiMessage}`);
  }
}

/**
 * The tenant's namespace does not exist or is being deleted: the tenant was
 * never provisioned (or was deprovisioned). Provision it, then launch again.
 */
export class TenantNotProvisionedError extends Error {
  override readonly name = "TenantNotProvisionedError";

  constructor(
    readonly namespace: string,
    readonly tenantSlug: string,
    detail: string,
  ) {
    super(`Tenant "${tenantSlug}" is not provisioned on Kubernetes (${detail}); run the provision_tenant job for it`);
  }
}
