import type { KubeConfig } from "@kubernetes/client-node";
import type { TaskList } from "graphile-worker";
import type { Db } from "@updraft/db";
import type { SecretKeyring } from "@updraft/platform";
import type { Logger } from "pino";
import { makeDeprovisionTenantJob } from "../jobs/deprovision-tenant-job";
import { makeProvisionTenantJob } from "../jobs/provision-tenant-job";

/**
 * The jobs only a Kubernetes scheduler runs: other schedulers leave them
 * pending in the queue for one that can.
 */
export function buildKubernetesTaskList(
  db: Db,
  options: { kubeConfig: KubeConfig; clusterCidrs: string[]; keyring: SecretKeyring; logger: Logger },
): TaskList {
  return {
    provision_tenant: makeProvisionTenantJob(db, options),
    deprovision_tenant: makeDeprovisionTenantJob(db, options),
  };
}
