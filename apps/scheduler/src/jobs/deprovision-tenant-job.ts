import type { KubeConfig } from "@kubernetes/client-node";
import type { Task } from "graphile-worker";
import type { Db } from "@updraft/db";
import { readTenantQuotaBySlug } from "@updraft/platform";
import { deprovisionTenant } from "@updraft/executor";
import type { Logger } from "pino";
import { parsePayload } from "./parse-payload";

/**
 * The `deprovision_tenant` job (Kubernetes schedulers only): deletes a
 * deleted tenant's namespace and everything in it. When a new tenant took the
 * slug meanwhile, the namespace is its now and is left alone.
 */
export function makeDeprovisionTenantJob(db: Db, options: { kubeConfig: KubeConfig; logger: Logger }): Task {
  return async (payload) => {
    const { slug } = parsePayload("deprovision_tenant", payload);
    if (await readTenantQuotaBySlug(db, slug)) {
      options.logger.warn({ tenant: slug }, "not deleting the namespace: a tenant with this slug exists again");
      return;
    }
    const result = await deprovisionTenant(options.kubeConfig, slug, { logger: options.logger });
    if (!result.deleted) options.logger.info({ tenant: slug, namespace: result.namespace }, "the tenant's namespace was gone already");
  };
}
