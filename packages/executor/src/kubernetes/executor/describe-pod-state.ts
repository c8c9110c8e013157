import type { V1ContainerStatus, V1Pod } from "@kubernetes/client-node";
import type { TaskOutcome } from "../../executor";
import { TASK_CONTAINER } from "../names/updraft-labels";
import { tenantObjectNames } from "../names/tenant-object-names";

function taskContainerStatus(pod: V1Pod): V1ContainerStatus | undefined {
  const statuses = pod.status?.containerStatuses ?? [];
  return statuses.find((c) => c.name === TASK_CONTAINER) ?? statuses[0];
}

function memoryLimit(pod: V1Pod): string | undefined {
  const container = pod.spec?.containers.find((c) => c.name === TASK_CONTAINER) ?? pod.spec?.containers[0];
  return container?.resources?.limits?.memory;
}

/** True once the task container has run (so it has a log to read). */
export function containerHasStarted(pod: V1Pod): boolean {
  const state = taskContainerStatus(pod)?.state;
  return Boolean(state?.running || state?.terminated);
}

/** The exit of the task container, if it exited. */
export function containerExit(pod: V1Pod): { exitCode: number; reason?: string } | undefined {
  const status = taskContainerStatus(pod);
  const terminated = status?.state?.terminated ?? status?.lastState?.terminated;
  return terminated ? { exitCode: terminated.exitCode, ...(terminated.reason ? { reason: terminated.reason } : {}) } : undefined;
}

/**
 * The outcome of a pod that finished (undefined while it has not), with a
 * reason naming the cause: OOMKilled with the memory limit, eviction, the
 * execution timeout (activeDeadlineSeconds), or the exit code.
 */
export function describeFinishedPod(pod: V1Pod): TaskOutcome | undefined {
  const phase = pod.status?.phase;
  if (phase === "Succeeded") return { kind: "success", exitCode: 0 };
  if (phase !== "Failed") return undefined;
  const exit = containerExit(pod);
  const exitCode = exit?.exitCode ?? null;
  const podReason = pod.status?.reason;
  if (podReason === "DeadlineExceeded") {
    return { kind: "failed", exitCode, reason: `execution_timeout of ${pod.spec?.activeDeadlineSeconds ?? "?"}s exceeded (DeadlineExceeded)` };
  }
  if (podReason === "Evicted") {
    return { kind: "failed", exitCode, reason: `evicted: ${pod.status?.message ?? "the node ran short of resources"}` };
  }
  if (exit?.reason === "OOMKilled") {
    const limit = memoryLimit(pod);
    return {
      kind: "failed",
      exitCode,
      reason: limit ? `OOMKilled (memory limit ${limit})` : "OOMKilled (no memory limit; the node ran out of memory)",
    };
  }
  if (exit) return { kind: "failed", exitCode, reason: `exit code ${exit.exitCode}` };
  const message = pod.status?.message;
  return { kind: "failed", exitCode: null, reason: `pod failed: ${podReason ?? "no reason given"}${message ? `: ${message}` : ""}` };
}

export type PendingProblem =
  | { kind: "unschedulable"; message: string }
  | { kind: "start-failure"; reason: string; message: string; fatal: boolean };

const IMAGE_REASONS = new Set(["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable"]);
const CONFIG_REASONS = new Set(["CreateContainerConfigError", "CreateContainerError"]);
/** Retrying cannot fix these. */
const FATAL_REASONS = new Set(["InvalidImageName", "ErrImageNeverPull"]);

/** Why a Pending pod is not starting, when that is a problem (not just "ContainerCreating"). */
export function describePendingProblem(pod: V1Pod): PendingProblem | undefined {
  if (pod.status?.phase !== "Pending") return undefined;
  const scheduled = pod.status.conditions?.find((c) => c.type === "PodScheduled");
  if (scheduled?.status === "False" && scheduled.reason === "Unschedulable") {
    return { kind: "unschedulable", message: scheduled.message ?? "no node can run the pod" };
  }
  const waiting = taskContainerStatus(pod)?.state?.waiting;
  if (waiting?.reason && (IMAGE_REASONS.has(waiting.reason) || CONFIG_REASONS.has(waiting.reason))) {
    return { kind: "start-failure", reason: waiting.reason, message: waiting.message ?? "", fatal: FATAL_REASONS.has(waiting.reason) };
  }
  return undefined;
}

/** The failure reason for a container that never started, with a hint on how to fix it. */
export function describeStartFailure(problem: Extract<PendingProblem, { kind: "start-failure" }>, pod: V1Pod): string {
  const detail = `${problem.reason}${problem.message ? `: ${problem.message}` : ""}`;
  if (IMAGE_REASONS.has(problem.reason)) {
    return `image pull failed: ${detail} (check the image name and tag, and that the registry is reachable from the cluster)`;
  }
  const names = pod.metadata?.namespace?.startsWith("updraft-")
    ? tenantObjectNames(pod.metadata.namespace.slice("updraft-".length))
    : undefined;
  const missingKey = /couldn't find key (\S+) in Secret [^/]+\/(\S+)/.exec(problem.message);
  let hint = "";
  if (missingKey && names && missingKey[2] === names.connectionsSecret) hint = ` (connection "${missingKey[1]}" is not defined for this tenant)`;
  else if (missingKey && names && missingKey[2] === names.secretsSecret) hint = ` (secret "${missingKey[1]}" is not defined for this tenant)`;
  else if (/secret ".*" not found/.test(problem.message)) hint = " (the tenant is not fully provisioned: run provision_tenant)";
  else if (/runAsNonRoot/.test(problem.message)) hint = " (Updraft runs tasks as a non-root user: use an image whose USER is not root)";
  return `the container could not be created: ${detail}${hint}`;
}
