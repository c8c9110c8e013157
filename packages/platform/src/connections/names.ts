/** Connection ids and secret names: the DAG format's reference rule. */
export const REFERENCE_NAME_PATTERN = /^[a-z0-9_]{1,200}$/;
/** Airflow-style connection types: postgres, mysql, http, aws, … */
export const CONN_TYPE_PATTERN = /^[a-z][a-z0-9_-]{0,49}$/;

export const CONNECTION_ID_MESSAGE =
  "Connection ids are 1-200 characters of a-z, 0-9 and _ (what DAG files list under `connections`), e.g. warehouse or s3_raw.";
export const SECRET_NAME_MESSAGE =
  "Secret names are 1-200 characters of a-z, 0-9 and _ (what DAG files list under `secrets`), e.g. api_token or slack_webhook.";
export const CONN_TYPE_MESSAGE =
  "Connection types start with a letter and have at most 50 characters of a-z, 0-9, _ and -, e.g. postgres, mysql, http or aws.";

/** The environment variables a task gets a connection's URI in: `UPDRAFT_CONN_<ID>` and `AIRFLOW_CONN_<ID>`. */
export function connectionEnvNames(connId: string): [string, string] {
  const id = connId.toUpperCase();
  return [`UPDRAFT_CONN_${id}`, `AIRFLOW_CONN_${id}`];
}

/** The environment variable a task gets a secret in: its name upper-cased. */
export function secretEnvName(name: string): string {
  return name.toUpperCase();
}
