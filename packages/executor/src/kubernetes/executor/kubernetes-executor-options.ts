import type { KubeConfig } from "@kubernetes/client-node";
import type { Logger } from "pino";
import { z } from "zod";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../api/with-api-retries";
import type { LaunchRequest } from "../../executor";
import type { TenantPodSettings } from "../pods/task-pod-input";

export interface KubernetesExecutorOptions {
  /** Default: `KubeConfig.loadFromDefault()` ($KUBECONFIG, ~/.kube/config, or the in-cluster service account). */
  kubeConfig?: KubeConfig;
  /**
   * This scheduler replica's stable id. Its pods are labelled
   * `updraft.dev/scheduler=<ownerId>` and it watches only those, so replicas
   * do not report each other's pods; a restart with the same id adopts them.
   * Unset: one executor watches every Updraft pod in the cluster.
   */
  ownerId?: string;
  /** The launch's tenant's per-pod limits (see `tenantPodSettings`); pods are fitted into them. */
  tenantSettings?: (launch: LaunchRequest) => TenantPodSettings | undefined | Promise<TenantPodSettings | undefined>;
  /** Pod creations per second, sustained. Default 10. */
  createQps?: number;
  /** Pod creations allowed at once before the rate applies. Default 20. */
  createBurst?: number;
  /** A pod the scheduler cannot place for this long is deleted and the try fails. Default 5 minutes. */
  unschedulableTimeoutMs?: number;
  /** How long an image pull or container-config error may persist before the try fails. Default 60 s. */
  startFailureGraceMs?: number;
  /** Keep pods that failed (for `kubectl describe`/`logs`); succeeded pods are always deleted. Default false. */
  keepFailedPods?: boolean;
  /** How long to wait for the log stream to end after the container exited. Default 10 s. */
  logDrainTimeoutMs?: number;
  /** Wait before reconnecting a log stream that broke. Default 1 s. */
  logReconnectDelayMs?: number;
  /** Retries of API calls that fail with 429/5xx or a dropped connection. */
  apiRetry?: RetryPolicy;
  /** Backoff between watch resyncs that fail quickly. Defaults 250 ms … 30 s. */
  minResyncDelayMs?: number;
  maxResyncDelayMs?: number;
  /** Grace period for pods deleted by kill(). Default: the pod's (30 s). */
  killGracePeriodSeconds?: number;
  /** Called each time the pod watch ended (or a list failed) and is started again; for a restart counter. */
  onWatchRestart?: (why: string) => void;
  logger?: Logger;
}

const positive = z.number().positive();
const nonNegative = z.number().min(0);

const numbers = z.object({
  createQps: positive,
  createBurst: z.number().int().min(1),
  unschedulableTimeoutMs: nonNegative,
  startFailureGraceMs: nonNegative,
  logDrainTimeoutMs: nonNegative,
  logReconnectDelayMs: nonNegative,
  minResyncDelayMs: positive,
  maxResyncDelayMs: positive,
});

export type ResolvedExecutorNumbers = z.infer<typeof numbers>;

/** Options with defaults applied; throws a readable error for nonsensical numbers. */
export function resolveExecutorNumbers(options: KubernetesExecutorOptions): ResolvedExecutorNumbers & { apiRetry: RetryPolicy } {
  const result = numbers.safeParse({
    createQps: options.createQps ?? 10,
    createBurst: options.createBurst ?? 20,
    unschedulableTimeoutMs: options.unschedulableTimeoutMs ?? 5 * 60_000,
    startFailureGraceMs: options.startFailureGraceMs ?? 60_000,
    logDrainTimeoutMs: options.logDrainTimeoutMs ?? 10_000,
    logReconnectDelayMs: options.logReconnectDelayMs ?? 1000,
    minResyncDelayMs: options.minResyncDelayMs ?? 250,
    maxResyncDelayMs: options.maxResyncDelayMs ?? 30_000,
  });
  if (!result.success) {
    throw new Error(`Invalid Kubernetes executor options: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return { ...result.data, apiRetry: options.apiRetry ?? DEFAULT_RETRY_POLICY };
}
