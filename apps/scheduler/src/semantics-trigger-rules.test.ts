import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "./start-scheduler";
import { uploadDag } from "./testing/upload-dag";
import { waitForRunToFinish } from "./testing/wait-for-run";
import { TEST_KEYRING } from "./testing/test-keyring";

const t = useTestDatabase();
let tenantId: string;
let scheduler: RunningScheduler;

beforeAll(async () => {
  tenantId = (await createTenant(t.db, { slug: "rules", name: "Rules" })).id;
  scheduler = await startScheduler({ keyring: TEST_KEYRING, databaseUrl: t.url, executor: "local", logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await scheduler?.stop();
});

// One upstream succeeds (a), one fails (b); every rule reacts to that, and
// skips and upstream failures propagate further down (h → i/j, c → l/m).
const DAG = `
dag_id: every_rule
schedule: null
tasks:
  - { task_id: a, command: ["true"] }
  - { task_id: b, command: ["false"] }
  - { task_id: c, depends_on: [a, b], command: ["true"] }
  - { task_id: d, depends_on: [a, b], trigger_rule: all_done, command: ["true"] }
  - { task_id: e, depends_on: [a, b], trigger_rule: one_failed, command: ["true"] }
  - { task_id: f, depends_on: [a, b], trigger_rule: one_success, command: ["true"] }
  - { task_id: g, depends_on: [a, b], trigger_rule: none_failed, command: ["true"] }
  - { task_id: h, depends_on: [a, b], trigger_rule: all_failed, command: ["true"] }
  - { task_id: i, depends_on: [h], trigger_rule: all_skipped, command: ["true"] }
  - { task_id: j, depends_on: [h], trigger_rule: none_skipped, command: ["true"] }
  - { task_id: k, depends_on: [h, a], trigger_rule: none_failed_min_one_success, command: ["true"] }
  - { task_id: l, depends_on: [c], command: ["true"] }
  - { task_id: m, depends_on: [c], trigger_rule: one_done, command: ["true"] }
  - { task_id: n, depends_on: [b], trigger_rule: always, command: ["true"] }
  - { task_id: o, depends_on: [j, i], trigger_rule: one_success, command: ["true"] }
  - { task_id: p, depends_on: [a, b], trigger_rule: none_skipped, command: ["true"] }
  - { task_id: q, depends_on: [b], trigger_rule: all_failed, command: ["true"] }
`;

describe("trigger rules through the scheduler and a real Postgres", () => {
  it("gives every task Airflow's state for its rule, propagating skipped and upstream_failed", async () => {
    const dag = await uploadDag(t.db, tenantId, DAG);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId: dag.dagDbId, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);

    const states = Object.fromEntries(run.taskInstances.map((ti) => [ti.taskId, ti.state]));
    expect(states).toEqual({
      a: "SUCCESS",
      b: "FAILED",
      c: "UPSTREAM_FAILED", // all_success
      d: "SUCCESS", // all_done
      e: "SUCCESS", // one_failed
      f: "SUCCESS", // one_success
      g: "UPSTREAM_FAILED", // none_failed
      h: "SKIPPED", // all_failed, but a succeeded
      i: "SUCCESS", // all_skipped
      j: "SKIPPED", // none_skipped
      k: "SUCCESS", // none_failed_min_one_success: h skipped, a succeeded
      l: "UPSTREAM_FAILED", // all_success below an upstream_failed task
      m: "UPSTREAM_FAILED", // one_done with only an upstream_failed upstream
      n: "SUCCESS", // always
      o: "SUCCESS", // one_success: i succeeded though j was skipped
      p: "SUCCESS", // none_skipped: a and b are done, neither skipped
      q: "SUCCESS", // all_failed
    });
    // Leaves g, l and m did not succeed: the run fails, as in Airflow.
    expect(run.state).toBe("FAILED");
    // Tasks that never ran were never launched.
    const neverRan = run.taskInstances.filter((ti) => ti.state === "SKIPPED" || ti.state === "UPSTREAM_FAILED");
    expect(neverRan.every((ti) => ti.tryNumber === 0)).toBe(true);
    expect(await t.db.taskTry.count({ where: { taskInstanceId: { in: neverRan.map((ti) => ti.id) } } })).toBe(0);
  });
});
