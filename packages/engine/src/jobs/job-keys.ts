import { Prisma } from "@updraft/db";

/*
 * graphile-worker job keys: a pending job with the same key is replaced, not
 * doubled, so repeated requests for the same work coalesce. This file is the
 * only place that spells them, in TypeScript and (for statements that enqueue
 * or look up many jobs at once) as SQL expressions over columns.
 */

/** The tick job's fixed key: one pending tick however many schedulers run. */
export const TICK_JOB_KEY = "tick";

/** The reconcile job's fixed key: one pending reconcile however many schedulers run. */
export const RECONCILE_JOB_KEY = "reconcile";

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

/**
 * The keys above as SQL over a statement's columns (trusted column names such
 * as "ti.id", never user input): the same text as the TypeScript functions.
 */
export const jobKeySql = {
  evaluateRun: (runIdColumn: string) => Prisma.raw(`'evaluate_run:' || ${runIdColumn}::text`),
  retryWake: (runIdColumn: string) => Prisma.raw(`'evaluate_run:' || ${runIdColumn}::text || ':retry'`),
  launchTask: (taskInstanceIdColumn: string, tryNumberColumn: string) =>
    Prisma.raw(`'launch_task:' || ${taskInstanceIdColumn}::text || ':' || ${tryNumberColumn}::text`),
  taskEvent: (taskInstanceIdColumn: string, tryNumberColumn: string) =>
    Prisma.raw(`'task_event:' || ${taskInstanceIdColumn}::text || ':' || ${tryNumberColumn}::text`),
};
