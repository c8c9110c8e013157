import type { Db } from "@updraft/db";
import { returnTryToQueue } from "@updraft/engine";
import { enqueueTenantProvisioning } from "@updraft/platform";
import { QuotaExceededError, TenantNotProvisionedError } from "@updraft/executor";

/** The longest wait before a refused launch is tried again. */
export const MAX_RELAUNCH_DELAY_MS = 30_000;

/** How long a launch refused `waits` times before waits: 1 s, 2 s, 4 s … up to 30 s. */
export function relaunchDelayMs(waits: number): number {
  return Math.min(1000 * 2 ** Math.min(waits, 15), MAX_RELAUNCH_DELAY_MS);
}

export interface RefusedLaunch {
  taskInstanceId: string;
  tryNumber: number;
  schedulerId: string;
  /** How often this try was refused before (the launch_task payload's `waits`). */
  waits: number;
}

/**
 * A launch the cluster refused for now, not for the task's fault: the
 * namespace's ResourceQuota is full (a 403 "exceeded quota", a backstop
 * behind admission) or the tenant's namespace does not exist yet. The try
 * goes back to QUEUED with a message saying what it waits for, and its launch
 * is tried again after a backoff; a missing namespace is provisioned first.
 * Returns false for any other error (the caller fails the try).
 */
export async function requeueRefusedLaunch(db: Db, error: unknown, launch: RefusedLaunch): Promise<boolean> {
  let message: string;
  if (error instanceof QuotaExceededError) {
    message = `waiting for quota: Kubernetes refused the pod (${error.apiMessage})`;
  } else if (error instanceof TenantNotProvisionedError) {
    const ti = await db.taskInstance.findUnique({ where: { id: launch.taskInstanceId }, select: { tenantId: true } });
    if (ti) await enqueueTenantProvisioning(db, ti.tenantId);
    message = "waiting for the tenant's Kubernetes namespace to be provisioned";
  } else {
    return false;
  }
  await returnTryToQueue(db, {
    taskInstanceId: launch.taskInstanceId,
    tryNumber: launch.tryNumber,
    schedulerId: launch.schedulerId,
    message,
    relaunchAt: new Date(Date.now() + relaunchDelayMs(launch.waits)),
    waits: launch.waits + 1,
  });
  return true;
}
