import type { KubeConfig } from "@kubernetes/client-node";
import type { Task } from "graphile-worker";
import type { Db } from "@updraft/db";
import { deprovisionTenantJobKey, enqueueJob } from "@updraft/engine";
import {
  loadTenantSecretMaterial,
  readTenantForProvisioning,
  recordProvisioningResult,
  type SecretKeyring,
} from "@updraft/platform";
import { provisionTenant } from "@updraft/executor";
import type { Logger } from "pino";
import { parsePayload } from "./parse-payload";

/**
 * The `provision_tenant` job (Kubernetes schedulers only): makes the tenant's
 * namespace, ResourceQuota, LimitRange, task ServiceAccount, NetworkPolicies
 * and Secrets match its quota and its (decrypted) secrets and connection
 * URIs, restoring anything edited or deleted by hand, and records the
 * outcome on the tenant. Every connection or secret change enqueues it. A failure is recorded and rethrown,
 * so graphile-worker retries the job with backoff. A tenant deleted before
 * the job needs nothing; one deleted while it ran is deprovisioned again, in
 * case this pass re-created the namespace after the deprovision job ran.
 */
export function makeProvisionTenantJob(
  db: Db,
  options: { kubeConfig: KubeConfig; clusterCidrs: string[]; keyring: SecretKeyring; logger: Logger },
): Task {
  return async (payload) => {
    const { tenantId } = parsePayload("provision_tenant", payload);
    const tenant = await readTenantForProvisioning(db, tenantId);
    if (!tenant) return;
    const { quota } = tenant;
    try {
      const { secrets, connections } = await loadTenantSecretMaterial(db, options.keyring, tenantId);
      const result = await provisionTenant(
        options.kubeConfig,
        {
          slug: tenant.slug,
          quota: { cpu: quota.cpu, memory: quota.memory, gpus: quota.gpus, pods: quota.pods },
          secrets,
          connections,
          clusterCidrs: options.clusterCidrs,
        },
        { logger: options.logger },
      );
      const changed = result.objects.filter((o) => o.action !== "unchanged");
      if (changed.length > 0) options.logger.info({ tenant: tenant.slug, changed }, "provisioned the tenant's Kubernetes objects");
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await recordProvisioningResult(db, tenantId, { ok: false, error: message });
      throw err;
    }
    if (!(await readTenantForProvisioning(db, tenantId))) {
      await enqueueJob(db, "deprovision_tenant", { slug: tenant.slug }, { jobKey: deprovisionTenantJobKey(tenant.slug) });
      return;
    }
    await recordProvisioningResult(db, tenantId, { ok: true });
  };
}
