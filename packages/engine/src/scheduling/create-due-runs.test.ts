import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { setDagPaused } from "../dags/set-dag-paused";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { newTenant, uploadDag } from "../testing/engine-test-kit";
import { createDueRuns } from "./create-due-runs";

const t = useTestDatabase();
let tenantId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "ticks");
});

const dag = (fields: string) => `${fields}
tasks:
  - task_id: only
    command: ["true"]
`;

async function scheduledRuns(dagDbId: string) {
  return t.db.dagRun.findMany({ where: { dagDbId, runType: "SCHEDULED" }, orderBy: { logicalDate: "asc" } });
}

describe("createDueRuns (the tick)", () => {
  it("catchup: true creates a run for every missed interval since start_date, until end_date", async () => {
    const dagDbId = await uploadDag(
      t.db,
      tenantId,
      dag(`dag_id: catch_all\nschedule: "@daily"\nstart_date: 2025-01-01\nend_date: 2025-01-06\ncatchup: true`),
    );
    expect((await t.db.dag.findUniqueOrThrow({ where: { id: dagDbId } })).nextRunAt).toEqual(new Date("2025-01-02T00:00:00Z"));
    await createDueRuns(t.db, new Date());
    const runs = await scheduledRuns(dagDbId);
    expect(runs.map((r) => r.runId)).toEqual([
      "scheduled__2025-01-01T00:00:00.000Z",
      "scheduled__2025-01-02T00:00:00.000Z",
      "scheduled__2025-01-03T00:00:00.000Z",
      "scheduled__2025-01-04T00:00:00.000Z",
      "scheduled__2025-01-05T00:00:00.000Z",
      "scheduled__2025-01-06T00:00:00.000Z",
    ]);
    for (const run of runs) {
      expect(run.dataIntervalEnd.getTime() - run.dataIntervalStart.getTime()).toBe(24 * 3600_000);
      expect(run.logicalDate).toEqual(run.dataIntervalStart);
      expect(run.state).toBe("QUEUED");
    }
    expect((await t.db.dag.findUniqueOrThrow({ where: { id: dagDbId } })).nextRunAt).toBeNull();
    // A second tick creates nothing more.
    await createDueRuns(t.db, new Date());
    expect(await scheduledRuns(dagDbId)).toHaveLength(6);
  });

  it("catchup: false creates only the latest interval however much was missed", async () => {
    const dagDbId = await uploadDag(t.db, tenantId, dag(`dag_id: latest_only\nschedule: "@hourly"\nstart_date: 2025-01-01\ncatchup: false`));
    const now = new Date();
    await createDueRuns(t.db, now);
    const runs = await scheduledRuns(dagDbId);
    expect(runs).toHaveLength(1);
    const hourStart = Math.floor(now.getTime() / 3600_000) * 3600_000;
    expect(runs[0]!.dataIntervalEnd).toEqual(new Date(hourStart));
    expect(runs[0]!.dataIntervalStart).toEqual(new Date(hourStart - 3600_000));
    expect((await t.db.dag.findUniqueOrThrow({ where: { id: dagDbId } })).nextRunAt).toEqual(new Date(hourStart + 3600_000));
  });

  it("evaluates the schedule in the DAG's timezone: a daily DAG in New York runs for local midnights", async () => {
    const dagDbId = await uploadDag(
      t.db,
      tenantId,
      dag(`dag_id: ny_daily\nschedule: "0 0 * * *"\ntimezone: America/New_York\nstart_date: 2025-03-07T00:00:00-05:00\nend_date: 2025-03-11T00:00:00-04:00\ncatchup: true`),
    );
    await createDueRuns(t.db, new Date());
    const runs = await scheduledRuns(dagDbId);
    // Daylight saving time starts on 9 March 2025: midnight moves from 05:00Z to 04:00Z.
    expect(runs.map((r) => r.logicalDate.toISOString())).toEqual([
      "2025-03-07T05:00:00.000Z",
      "2025-03-08T05:00:00.000Z",
      "2025-03-09T05:00:00.000Z",
      "2025-03-10T04:00:00.000Z",
      "2025-03-11T04:00:00.000Z",
    ]);
    expect(runs[1]!.dataIntervalEnd.toISOString()).toBe("2025-03-09T05:00:00.000Z");
    expect(runs[2]!.dataIntervalEnd.toISOString()).toBe("2025-03-10T04:00:00.000Z");
  });

  it("creates no scheduled runs for a paused DAG, and only the latest one after unpausing (catchup: false)", async () => {
    const dagDbId = await uploadDag(t.db, tenantId, dag(`dag_id: paused_one\nschedule: "@daily"\nstart_date: 2025-01-01\ncatchup: false`));
    await setDagPaused(t.db, { tenantId, dagDbId, paused: true });
    await createDueRuns(t.db, new Date());
    await createDueRuns(t.db, new Date(Date.now() + 3 * 24 * 3600_000));
    expect(await scheduledRuns(dagDbId)).toHaveLength(0);
    await setDagPaused(t.db, { tenantId, dagDbId, paused: false });
    await createDueRuns(t.db, new Date());
    expect(await scheduledRuns(dagDbId)).toHaveLength(1);
  });
});
