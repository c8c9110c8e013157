/** Label and annotation keys Updraft puts on the objects it manages. */
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "updraft";
export const MANAGED_SELECTOR = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;

export const TENANT_LABEL = "updraft.dev/tenant";
export const DAG_LABEL = "updraft.dev/dag";
export const RUN_LABEL = "updraft.dev/run";
export const TASK_LABEL = "updraft.dev/task";
export const TRY_LABEL = "updraft.dev/try";
/** The scheduler replica that launched the pod (only with the executor's `ownerId`). */
export const OWNER_LABEL = "updraft.dev/scheduler";
/** Set on a kept failed pod once its outcome was reported, so a restarted scheduler does not report it again. */
export const REPORTED_LABEL = "updraft.dev/outcome-reported";

/** The executor key the pod runs (pod names are derived from it). */
export const KEY_ANNOTATION = "updraft.dev/key";
/** JSON with the launch's identifying fields (full run id, task instance id…), to rebuild it after a restart. */
export const LAUNCH_ANNOTATION = "updraft.dev/launch";

/** The one container of a task pod. */
export const TASK_CONTAINER = "task";
