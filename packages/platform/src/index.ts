// @updraft/platform: who may use Updraft and with what — tenants, members and invitations,
// accounts, API tokens, connections and secrets (encrypted at rest), the audit log and DAG
// deploys. Each area exports through its own barrel.
export { updateTenantQuota } from "./tenants/update-tenant-quota";
export { createTenant } from "./tenants/create-tenant";
export { deleteTenant } from "./tenants/delete-tenant";
export { listTenantUsage, type TenantUsage } from "./tenants/list-tenant-usage";
export { readTenantForProvisioning, readTenantQuotaBySlug } from "./tenants/read-tenant-quota";
export { recordProvisioningResult } from "./tenants/record-provisioning-result";
export { enqueueTenantProvisioning, enqueueProvisioningForAllTenants } from "./tenants/enqueue-tenant-provisioning";
export * from "./secrets/index";
export * from "./connections/index";
export * from "./audit/index";
export * from "./members/index";
export * from "./tokens/index";
export * from "./accounts/index";
export * from "./deploys/index";
