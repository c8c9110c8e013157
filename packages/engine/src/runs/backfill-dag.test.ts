import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { clearJobs, finish, launchQueued, newTenant, pendingJobs, uploadDag } from "../testing/engine-test-kit";
import { backfillDag } from "./backfill-dag";
import { evaluateRun } from "./evaluate-run";

const t = useTestDatabase();
let tenantId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "backfill");
});

const daily = (dagId: string, extra = "") => `
dag_id: ${dagId}
schedule: "@daily"
start_date: 2024-06-01
catchup: false
${extra}
tasks:
  - task_id: only
    command: ["true"]
`;

async function runsOf(dagDbId: string) {
  return t.db.dagRun.findMany({ where: { dagDbId }, orderBy: { logicalDate: "asc" } });
}

/** Runs the evaluate_run jobs waiting in the queue, as the scheduler would. */
async function runPendingEvaluations() {
  const jobs = await pendingJobs(t.db, "evaluate_run");
  await clearJobs(t.db);
  for (const job of jobs) await evaluateRun(t.db, (job.payload as { runId: string }).runId);
}

describe("backfillDag", () => {
  it("creates one BACKFILL run per interval whose start lies in the range, skipping dates that have a run", async () => {
    const dagDbId = await uploadDag(t.db, tenantId, daily("sales"));
    const first = await backfillDag(t.db, {
      tenantId,
      dagDbId,
      start: new Date("2025-01-02T00:00:00Z"),
      end: new Date("2025-01-03T00:00:00Z"),
      triggeredById: null,
    });
    expect(first).toEqual({
      created: 2,
      skipped: 0,
      runIds: ["backfill__2025-01-02T00:00:00.000Z", "backfill__2025-01-03T00:00:00.000Z"],
    });
    const second = await backfillDag(t.db, {
      tenantId,
      dagDbId,
      start: new Date("2025-01-01T00:00:00Z"),
      end: new Date("2025-01-05T12:00:00Z"),
      triggeredById: null,
    });
    expect(second.created).toBe(3);
    expect(second.skipped).toBe(2);
    const runs = await runsOf(dagDbId);
    expect(runs.map((r) => [r.runType, r.state, r.logicalDate.toISOString().slice(0, 10)])).toEqual([
      ["BACKFILL", "QUEUED", "2025-01-01"],
      ["BACKFILL", "QUEUED", "2025-01-02"],
      ["BACKFILL", "QUEUED", "2025-01-03"],
      ["BACKFILL", "QUEUED", "2025-01-04"],
      ["BACKFILL", "QUEUED", "2025-01-05"],
    ]);
    expect(runs[0]!.dataIntervalStart).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(runs[0]!.dataIntervalEnd).toEqual(new Date("2025-01-02T00:00:00Z"));
    expect(await t.db.taskInstance.count({ where: { dagRun: { dagDbId } } })).toBe(5);
  });

  it("uses the DAG's timezone for its intervals", async () => {
    const dagDbId = await uploadDag(t.db, tenantId, daily("ny_report", "timezone: America/New_York"));
    const result = await backfillDag(t.db, {
      tenantId,
      dagDbId,
      start: new Date("2025-03-08T05:00:00Z"),
      end: new Date("2025-03-10T04:00:00Z"),
      triggeredById: null,
    });
    // Midnight in New York, before and after the switch to daylight saving time (9 March).
    expect(result.runIds).toEqual([
      "backfill__2025-03-08T05:00:00.000Z",
      "backfill__2025-03-09T05:00:00.000Z",
      "backfill__2025-03-10T04:00:00.000Z",
    ]);
  });

  it("respects max_active_runs: the oldest logical dates run first, the rest wait queued", async () => {
    const dagDbId = await uploadDag(t.db, tenantId, daily("limited_backfill", "max_active_runs: 2"));
    await clearJobs(t.db);
    await backfillDag(t.db, { tenantId, dagDbId, start: new Date("2025-02-01Z"), end: new Date("2025-02-05Z"), triggeredById: null });
    // The evaluations arrive in any order.
    const jobs = (await pendingJobs(t.db, "evaluate_run")).reverse();
    await clearJobs(t.db);
    for (const job of jobs) await evaluateRun(t.db, (job.payload as { runId: string }).runId);

    const started: string[] = [];
    for (let round = 0; round < 5; round++) {
      const runs = await runsOf(dagDbId);
      const running = runs.filter((r) => r.state === "RUNNING");
      expect(running.length).toBe(Math.min(2, 5 - round));
      const oldest = running[0]!;
      started.push(oldest.logicalDate.toISOString().slice(0, 10));
      for (const launch of await launchQueued(t.db, { runId: oldest.id })) await finish(t.db, launch);
      await runPendingEvaluations();
    }
    expect(started).toEqual(["2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04", "2025-02-05"]);
    expect((await runsOf(dagDbId)).every((r) => r.state === "SUCCESS")).toBe(true);
  });

  it("refuses manual-only DAGs, reversed ranges and ranges of more than 1000 runs, saying what to do", async () => {
    const manual = await uploadDag(t.db, tenantId, `dag_id: by_hand\nschedule: null\ntasks:\n  - task_id: x\n    command: ["true"]\n`);
    await expect(
      backfillDag(t.db, { tenantId, dagDbId: manual, start: new Date("2025-01-01Z"), end: new Date("2025-01-02Z"), triggeredById: null }),
    ).rejects.toThrow('DAG "by_hand" is manual-only (schedule: null)');
    const dagDbId = await uploadDag(t.db, tenantId, daily("hourly_one").replace('"@daily"', '"@hourly"'));
    await expect(
      backfillDag(t.db, { tenantId, dagDbId, start: new Date("2025-01-05Z"), end: new Date("2025-01-01Z"), triggeredById: null }),
    ).rejects.toThrow("is before its start");
    await expect(
      backfillDag(t.db, { tenantId, dagDbId, start: new Date("2025-01-01Z"), end: new Date("2025-03-01Z"), triggeredById: null }),
    ).rejects.toThrow('That range covers more than 1000 runs of "hourly_one"');
    expect(await t.db.dagRun.count({ where: { dagDbId } })).toBe(0);
    const other = await newTenant(t.db, "elsewhere");
    await expect(
      backfillDag(t.db, { tenantId: other, dagDbId, start: new Date("2025-01-01Z"), end: new Date("2025-01-01Z"), triggeredById: null }),
    ).rejects.toThrow("DAG not found in this tenant.");
  });
});
