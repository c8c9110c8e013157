export { UserError } from "./user-error";
export { jobPayloadSchemas, type JobName, type JobPayload } from "./jobs/job-payloads";
export { enqueueJob, type EnqueueOptions } from "./jobs/enqueue-job";
export { enqueueJobs, type JobSpec } from "./jobs/enqueue-jobs";
export {
  evaluateRunJobKey,
  retryWakeJobKey,
  launchTaskJobKey,
  taskEventJobKey,
  finalizeTryUsageJobKey,
  FINALIZE_TRY_USAGE_PRIORITY,
  provisionTenantJobKey,
  deprovisionTenantJobKey,
  TICK_JOB_KEY,
  RECONCILE_JOB_KEY,
} from "./jobs/job-keys";
export { storeDagUpload, type StoreDagUploadResult } from "./dags/store-dag-upload";
export { storeDagVersion } from "./dags/store-dag-version";
export { setDagPaused } from "./dags/set-dag-paused";
export { computeNextRunAt } from "./dags/compute-next-run-at";
export { readDagSpec } from "./dags/read-dag-spec";
export { loadDagSpec } from "./dags/load-dag-spec";
export { createDagRun, type CreateDagRunInput } from "./runs/create-dag-run";
export { triggerDagRun } from "./runs/trigger-dag-run";
export { evaluateRun, type EvaluateRunResult } from "./runs/evaluate-run";
export { markDagRun, type MarkDagRunInput } from "./runs/mark-dag-run";
export { clearTaskInstances, type ClearTaskInstancesInput } from "./runs/clear-task-instances";
export { backfillDag, MAX_BACKFILL_RUNS, type BackfillDagInput } from "./runs/backfill-dag";
export { startTaskTry, type ClaimedTaskLaunch, type LaunchTenant, type TaskLaunch, type StartTaskTryInput } from "./tasks/start-task-try";
export { returnTryToQueue, type ReturnTryToQueueInput } from "./tasks/return-try-to-queue";
export { countStoredLogLines } from "./logs/count-stored-log-lines";
export { recordTaskOutcome } from "./runs/record-task-outcome";
export { createDueRuns, type CreateDueRunsOptions } from "./scheduling/create-due-runs";
export { admitScheduledTasks, type AdmissionResult } from "./admission/admit-scheduled-tasks";
export type { AdmissionCoordinator } from "./admission/admission-coordinator";
export { createAdmissionCoordinator, directAdmission } from "./admission/create-admission-coordinator";
export type { QueuedTask } from "./admission/queue-admitted-tasks";
export { upsertPool } from "./pools/upsert-pool";
export { deletePool } from "./pools/delete-pool";
export { listPools, type PoolSummary } from "./pools/list-pools";
export { DEFAULT_POOL, DEFAULT_POOL_SLOTS } from "./admission/default-pool";
export { createTaskLogWriter, type TaskLogWriter } from "./logs/task-log-writer";
export { decideRunProgress, type RunProgress, type RunProgressInput, type TaskChange } from "./decisions/decide-run-progress";
export { evaluateTriggerRule, type TriggerDecision } from "./decisions/evaluate-trigger-rule";
export { retryDelaySeconds, retrySeed } from "./decisions/retry-delay-seconds";
export {
  planAdmission,
  QUOTA_MESSAGE_PREFIX,
  type AdmissionCandidate,
  type AdmissionInput,
  type AdmissionPlan,
} from "./decisions/plan-admission";
export {
  DEFAULT_REQUEST_CPU_MILLIS,
  DEFAULT_REQUEST_MEMORY_BYTES,
  effectiveTaskRequest,
  formatCpuMillis,
  formatMemoryBytes,
  storedRequestOf,
  sumQuotaUse,
  type RequestGroup,
  type QuotaLimits,
  type QuotaUse,
  type StoredTaskRequest,
  type TaskRequest,
} from "./decisions/task-request";
export { tenantQuotaOf, parseTenantQuota, quotaLimitsOf } from "./tenants/tenant-quota";
export { FINISHED_TASK_STATES, ACTIVE_TASK_STATES, isFinished } from "./decisions/task-states";
export { requestTickIfDue } from "./jobs/request-tick";
export { requestTaskKill, KILL_CHANNEL, type KillRequest } from "./tasks/request-task-kill";
export { registerSchedulerInstance, heartbeatSchedulerInstance, markSchedulerStopped, type SchedulerIdentity, type SchedulerRegistration } from "./reconcile/scheduler-instances";
export { reconcileOnce, type ReconcileOptions, type ReconcileResult } from "./reconcile/reconcile-once";
export { scheduleReconcile } from "./jobs/request-reconcile";
export { failZombieTries } from "./reconcile/fail-zombie-tries";
export { relaunchStuckTries } from "./reconcile/relaunch-stuck-tries";
export { reevaluateStalledRuns } from "./reconcile/reevaluate-stalled-runs";
export { findOrphanKeys } from "./reconcile/find-orphan-keys";
export { findLostTries } from "./reconcile/find-lost-tries";
export { refreshJobLocks, releaseDeadWorkerJobs } from "./jobs/release-dead-worker-jobs";
export { countReadyJobs } from "./jobs/count-ready-jobs";
export { listPendingJobs, type PendingJob } from "./jobs/list-pending-jobs";
export { clearJobQueue } from "./jobs/clear-job-queue";
export { decideZombieTries, type RunningTry, type ZombieTry } from "./reconcile/decide-zombie-tries";
export { decideStuckQueuedTries, type QueuedTry } from "./reconcile/decide-stuck-queued-tries";
export { decideStalledRuns, type RunActivity, type StalledRun } from "./reconcile/decide-stalled-runs";
export { decideOrphanKeys, type ExecutorTry, type OrphanKey, type TaskInstanceOwnership } from "./reconcile/decide-orphan-keys";

