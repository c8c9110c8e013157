/*
 * graphile-worker job keys: a pending job with the same key is replaced, not
 * doubled, so repeated requests for the same work coalesce.
 */

export const evaluateRunJobKey = (runId: string) => `evaluate_run:${runId}`;

/** The wake-up of a run when its earliest retry becomes due (kept apart so an immediate evaluation does not replace it). */
export const retryWakeJobKey = (runId: string) => `evaluate_run:${runId}:retry`;

export const launchTaskJobKey = (taskInstanceId: string, tryNumber: number) => `launch_task:${taskInstanceId}:${tryNumber}`;

export const taskEventJobKey = (taskInstanceId: string, tryNumber: number) => `task_event:${taskInstanceId}:${tryNumber}`;

export const finalizeTryUsageJobKey = (taskInstanceId: string, tryNumber: number) =>
  `finalize_try_usage:${taskInstanceId}:${tryNumber}`;

/** graphile-worker runs lower numbers first: costing an ended try waits behind scheduling work. */
export const FINALIZE_TRY_USAGE_PRIORITY = 10;

export const provisionTenantJobKey = (tenantId: string) => `provision_tenant:${tenantId}`;

export const deprovisionTenantJobKey = (slug: string) => `deprovision_tenant:${slug}`;
