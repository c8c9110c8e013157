import { CoreV1Api, NetworkingV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { Logger } from "pino";
import { isNotFound } from "./api/kube-api-error";
import { DEFAULT_RETRY_POLICY, withApiRetries, type RetryPolicy } from "./api/with-api-retries";
import { tenantObjectNames } from "./names/tenant-object-names";
import {
  buildTaskServiceAccount,
  buildTenantLimitRange,
  buildTenantNamespace,
  buildTenantNetworkPolicies,
  buildTenantResourceQuota,
  buildTenantSecrets,
} from "./provision/build-tenant-objects";
import { ensureObject, type EnsureAction, type ManagedObject } from "./provision/ensure-object";
import { parseProvisionTenantInput, type ProvisionTenantInput } from "./provision/provision-tenant-input";
import { tenantLimits } from "./provision/tenant-limits";
import {
  managedLimitRange,
  managedNamespace,
  managedNetworkPolicy,
  managedResourceQuota,
  managedSecret,
  managedServiceAccount,
} from "./provision/tenant-managed-objects";

export interface ProvisionOptions {
  logger?: Logger;
  retry?: RetryPolicy;
}

export interface ProvisionResult {
  namespace: string;
  /** Every object Updraft manages for the tenant and what this pass did to it. */
  objects: { object: string; action: EnsureAction }[];
}

/**
 * Ensures everything a tenant needs on Kubernetes (the `provision_tenant`
 * job): its namespace (Pod Security `restricted`), ResourceQuota,
 * LimitRange, task ServiceAccount, NetworkPolicies and the Secrets holding
 * its secrets and connections. Idempotent: a second pass with the same input
 * writes nothing; an object deleted or edited by hand is restored. Safe to
 * run on every quota, secret or connection change.
 */
export async function provisionTenant(
  kubeConfig: KubeConfig,
  input: ProvisionTenantInput,
  options: ProvisionOptions = {},
): Promise<ProvisionResult> {
  const spec = parseProvisionTenantInput(input);
  const names = tenantObjectNames(spec.slug);
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const logger = options.logger?.child({ tenant: spec.slug });
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const networking = kubeConfig.makeApiClient(NetworkingV1Api);

  const objects: ProvisionResult["objects"] = [];
  const ensure = async <T>(object: ManagedObject<T>) => {
    objects.push({ object: object.describe, action: await ensureObject(object, retry, logger) });
  };

  await ensure(managedNamespace(core, buildTenantNamespace(spec.slug, names)));
  const namespace = await withApiRetries(() => core.readNamespace({ name: names.namespace }), retry);
  if (namespace.metadata?.deletionTimestamp) {
    throw new Error(
      `Namespace ${names.namespace} is being deleted (the tenant was deprovisioned); provision again once it is gone`,
    );
  }
  await ensure(managedResourceQuota(core, buildTenantResourceQuota(spec, names)));
  await ensure(managedLimitRange(core, buildTenantLimitRange(spec.slug, tenantLimits(spec), names)));
  await ensure(managedServiceAccount(core, buildTaskServiceAccount(spec.slug, names)));
  for (const policy of buildTenantNetworkPolicies(spec, names)) await ensure(managedNetworkPolicy(networking, policy));
  for (const secret of buildTenantSecrets(spec, names)) await ensure(managedSecret(core, secret));
  return { namespace: names.namespace, objects };
}

/**
 * Removes a tenant from the cluster: deletes its namespace, and with it every
 * pod, Secret and policy in it (Kubernetes finishes the deletion in the
 * background). Resolves `{ deleted: false }` when there was nothing to delete.
 */
export async function deprovisionTenant(
  kubeConfig: KubeConfig,
  slug: string,
  options: ProvisionOptions = {},
): Promise<{ namespace: string; deleted: boolean }> {
  const { namespace } = tenantObjectNames(slug);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  try {
    await withApiRetries(() => core.deleteNamespace({ name: namespace }), options.retry ?? DEFAULT_RETRY_POLICY);
    options.logger?.info({ tenant: slug, namespace }, "deleting the tenant's namespace");
    return { namespace, deleted: true };
  } catch (error) {
    if (isNotFound(error)) return { namespace, deleted: false };
    throw error;
  }
}
