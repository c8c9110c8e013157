import { useTestDatabase } from "@updraft/db/testing";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { runDagToEnd } from "../testing/run-dag-to-end";
import { useLocalSchedulerWithTenant } from "../testing/use-local-scheduler-with-tenant";
import { waitUntil } from "@updraft/config/wait-until";

const t = useTestDatabase();
const local = useLocalSchedulerWithTenant(t, { pollIntervalMs: 200, meterIntervalMs: 200, logger: pino({ level: "silent" }) });

/** Polls until the try has been costed (the finalize_try_usage job, queued by task_event after the outcome). */
async function costedTry(taskInstanceId: string) {
  return waitUntil(
    async () => {
      const row = await t.db.taskTry.findUniqueOrThrow({ where: { taskInstanceId_tryNumber: { taskInstanceId, tryNumber: 1 } } });
      return row.cost !== null ? row : undefined;
    },
    () => `the try of ${taskInstanceId} to be costed`,
    { pollMs: 50 },
  );
}

describe("metering with the local executor", () => {
  it("samples a cpu-burning task's process group and costs the try when it ends", async () => {
    // A busy loop in a background child (same process group) for ~2 s; `wait` reaps it into the shell's times.
    const run = await runDagToEnd(
      t.db,
      local.tenant.id,
      `
dag_id: burn
schedule: null
tasks:
  - task_id: burn
    command: [sh, -c, "while :; do :; done & sleep 2; kill $!; wait; true"]
`,
    );
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
    const rollup = await t.db.costRollup.findFirstOrThrow({ where: { tenantId: local.tenant.id, taskId: "burn" } });
    expect(rollup.tries).toBe(1);
    expect(rollup.cpuSeconds).toBeCloseTo(tried.cpuSeconds!, 6);
  });
});
