import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { TEST_KEYRING } from "../testing/test-keyring";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";

const t = useTestDatabase();
let tenant: Tenant;
let scheduler: RunningScheduler;

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  scheduler = await startScheduler({
    keyring: TEST_KEYRING,
    databaseUrl: t.url,
    executor: "local",
    pollIntervalMs: 200,
    meterIntervalMs: 200,
    logger: pino({ level: "silent" }),
  });
});
afterAll(async () => {
  await scheduler?.stop();
});

/** Polls until the try has been costed (the finalize_try_usage job, queued by task_event after the outcome). */
async function costedTry(taskInstanceId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await t.db.taskTry.findUniqueOrThrow({ where: { taskInstanceId_tryNumber: { taskInstanceId, tryNumber: 1 } } });
    if (row.cost !== null) return row;
    if (Date.now() > deadline) throw new Error(`try of ${taskInstanceId} not costed after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("metering with the local executor", () => {
  it("samples a cpu-burning task's process group and costs the try when it ends", async () => {
    // A busy loop in a background child (same process group) for ~2 s; `wait` reaps it into the shell's times.
    const dag = await uploadDag(
      t.db,
      tenant.id,
      `
dag_id: burn
schedule: null
tasks:
  - task_id: burn
    command: [sh, -c, "while :; do :; done & sleep 2; kill $!; wait; true"]
`,
    );
    const { id } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);
    expect(run.state).toBe("SUCCESS");
    const burn = run.taskInstances.find((ti) => ti.taskId === "burn")!;

    const tried = await costedTry(burn.id);
    expect(tried.cpuSeconds).toBeGreaterThan(0.5);
    expect(tried.memoryPeakBytes).toBeGreaterThan(0n);
    expect(tried.memoryAvgBytes).toBeGreaterThan(0n);
    expect(Number(tried.cost)).toBeGreaterThan(0);
    expect(tried.costCurrency).toBe("USD");
    // Thinned: the samples are gone, the day's rollup has the try.
    expect(await t.db.usageSample.count({ where: { taskTryId: tried.id } })).toBe(0);
    const rollup = await t.db.costRollup.findFirstOrThrow({ where: { tenantId: tenant.id, taskId: "burn" } });
    expect(rollup.tries).toBe(1);
    expect(rollup.cpuSeconds).toBeCloseTo(tried.cpuSeconds!, 6);
  });
});
