import type { Db } from "@updraft/db";
import { triggerNewDag } from "./trigger-new-dag";
import { waitForRunningTask } from "./wait-for-running-task";

/**
 * Uploads and triggers the DAG `killed`, whose one task `sleepy` sleeps a minute, and waits (up to 20 s) until the
 * task runs: a task for a test to kill. Returns the run's database id and the running task instance.
 */
export async function startTaskToKill(db: Db, tenantId: string) {
  const runId = await triggerNewDag(
    db,
    tenantId,
    `
dag_id: killed
schedule: null
tasks:
  - task_id: sleepy
    command: [sleep, "60"]
`,
  );
  const ti = await waitForRunningTask(db, runId, "sleepy");
  return { runId, ti };
}
