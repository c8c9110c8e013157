import type { LaunchRequest } from "../executor";

/** Host variables a task inherits; everything else of the scheduler's environment stays private. */
const INHERITED = ["PATH", "HOME", "LANG", "TZ", "TMPDIR"] as const;

/**
 * The environment of a local task process: a minimal inherited base, then the
 * task's own env, then its connections and secrets (`secretEnv`, resolved by
 * the scheduler; like a Kubernetes secret reference, they win over a plain
 * variable of the same name), then the run context (Updraft's names and
 * Airflow's, so existing Airflow scripts find what they expect). Context
 * variables win.
 */
export function buildTaskEnv(req: LaunchRequest, hostEnv: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = hostEnv[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, req.env);
  if (req.secretEnv) Object.assign(env, req.secretEnv);
  const tryNumber = String(req.tryNumber);
  Object.assign(env, {
    UPDRAFT_DAG_ID: req.dagId,
    UPDRAFT_TASK_ID: req.taskId,
    UPDRAFT_RUN_ID: req.runId,
    UPDRAFT_TRY_NUMBER: tryNumber,
    AIRFLOW_CTX_DAG_ID: req.dagId,
    AIRFLOW_CTX_TASK_ID: req.taskId,
    AIRFLOW_CTX_DAG_RUN_ID: req.runId,
    AIRFLOW_CTX_TRY_NUMBER: tryNumber,
  });
  return env;
}
