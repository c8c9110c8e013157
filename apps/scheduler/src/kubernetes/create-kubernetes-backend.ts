import type { KubeConfig } from "@kubernetes/client-node";
import type { Db } from "@updraft/db";
import {
  createKubernetesExecutor,
  loadDefaultKubeConfig,
  type ExecutorEvents,
  type KubernetesExecutor,
  type KubernetesExecutorOptions,
  type LaunchRequest,
} from "@updraft/executor";
import type { Logger } from "pino";
import { createTenantPodSettingsCache, podSettingsOf } from "./tenant-pod-settings-cache";

/** How the scheduler talks to Kubernetes (`UPDRAFT_EXECUTOR=kubernetes`). */
export interface KubernetesSettings {
  /** Default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account. */
  kubeConfig?: KubeConfig;
  /** Executor numbers (create rate, timeouts, retries …); tests pass fast ones. */
  executorOptions?: Partial<KubernetesExecutorOptions>;
  /** The cluster's own address ranges, closed to task pods by each tenant's egress policy. */
  clusterCidrs?: string[];
  /** How often every tenant is provisioned again (drift repair). Default 5 minutes. */
  provisionIntervalMs?: number;
}

/**
 * The Kubernetes executor for one replica: its pods carry the replica's id
 * (so a restart with the same id adopts them), and each pod is fitted into
 * its tenant's per-pod limits, read from the tenant's quota.
 */
export function createKubernetesBackend(
  db: Db,
  events: ExecutorEvents,
  logger: Logger,
  settings: KubernetesSettings & { ownerId?: string },
): { executor: KubernetesExecutor; kubeConfig: KubeConfig } {
  const kubeConfig = settings.kubeConfig ?? loadDefaultKubeConfig();
  const tenantSettingsBySlug = createTenantPodSettingsCache(db);
  // A claimed launch carries its tenant's quota; only a launch without it (none today) reads the tenant.
  const tenantSettings = (launch: LaunchRequest) =>
    launch.tenant ? podSettingsOf(launch.tenantSlug, launch.tenant.quota) : tenantSettingsBySlug(launch.tenantSlug);
  const executor = createKubernetesExecutor(events, {
    logger: logger.child({ component: "kubernetes-executor" }),
    ...settings.executorOptions,
    kubeConfig,
    tenantSettings,
    ...(settings.ownerId !== undefined ? { ownerId: settings.ownerId } : {}),
  });
  return { executor, kubeConfig };
}
