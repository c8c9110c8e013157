import type { TaskList } from "graphile-worker";
import type { Db } from "@updraft/db";
import type { AdmissionCoordinator } from "@updraft/engine";
import type { Executor } from "@updraft/executor";
import type { Logger } from "pino";
import { makeEvaluateRunJob } from "./evaluate-run-job";
import { makeFinalizeTryUsageJob } from "./finalize-try-usage-job";
import { makeLaunchTaskJob, type LaunchSecretsSettings, type SchedulerIdentity } from "./launch-task-job";
import { makeTaskEventJob } from "./task-event-job";
import { makeTickJob } from "./tick-job";
import type { RetryWaker } from "./wake-retries-on-time";

/** The scheduler's jobs (README, Architecture, "Scheduler jobs"). */
export function buildTaskList(
  db: Db,
  executor: Executor,
  options: {
    tickIntervalMs: number;
    identity: SchedulerIdentity;
    admission: AdmissionCoordinator;
    secrets: LaunchSecretsSettings;
    retryWaker?: RetryWaker;
    logger: Logger;
  },
): TaskList {
  return {
    tick: makeTickJob(db, options.tickIntervalMs),
    evaluate_run: makeEvaluateRunJob(db, options.admission),
    launch_task: makeLaunchTaskJob(db, executor, options.identity, options.secrets, options.logger),
    task_event: makeTaskEventJob(db, options.admission, options.retryWaker),
    finalize_try_usage: makeFinalizeTryUsageJob(db),
  };
}
