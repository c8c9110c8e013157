import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { sampleDagYaml } from "../test-support/sample-dags";

const testDb = useTestDatabase();

/** A daily DAG in Amsterdam time with catchup off. */
const amsterdamDaily = `dag_id: daily_ams
schedule: "@daily"
timezone: Europe/Amsterdam
start_date: 2025-01-01
catchup: false
tasks:
  - task_id: only
    command: [echo, hi]
`;

describe("dags.backfill", () => {
  const tenantSlug = "vandelay";
  let operator: Awaited<ReturnType<typeof memberWithRole>>["caller"];

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    const owner = await memberWithRole(testDb.db, tenantSlug, "OWNER");
    await owner.caller.dags.upload({ tenantSlug, fileName: "etl.yaml", source: sampleDagYaml() });
    await owner.caller.dags.upload({ tenantSlug, fileName: "ams.yaml", source: amsterdamDaily });
    ({ caller: operator } = await memberWithRole(testDb.db, tenantSlug, "OPERATOR"));
  });

  it("creates one BACKFILL run per day from start to end (both included) and skips existing ones", async () => {
    const first = await operator.dags.backfill({ tenantSlug, dagId: "etl_daily", start: "2025-02-01", end: "2025-02-03" });
    expect(first).toMatchObject({ dagId: "etl_daily", created: 3, skipped: 0 });
    expect(first.runIds).toHaveLength(3);
    const runs = await operator.runs.list({ tenantSlug, dagId: "etl_daily" });
    expect(runs.every((r) => r.runType === "BACKFILL")).toBe(true);
    expect(runs.map((r) => r.logicalDate.toISOString()).sort()).toEqual([
      "2025-02-01T00:00:00.000Z",
      "2025-02-02T00:00:00.000Z",
      "2025-02-03T00:00:00.000Z",
    ]);

    const again = await operator.dags.backfill({ tenantSlug, dagId: "etl_daily", start: "2025-02-02", end: "2025-02-04" });
    expect(again).toMatchObject({ created: 1, skipped: 2 });
  });

  it("reads bare dates in the DAG's time zone", async () => {
    const result = await operator.dags.backfill({ tenantSlug, dagId: "daily_ams", start: "2025-03-10", end: "2025-03-11" });
    expect(result.start.toISOString()).toBe("2025-03-09T23:00:00.000Z");
    expect(result.created).toBe(2);
    const runs = await operator.runs.list({ tenantSlug, dagId: "daily_ams" });
    expect(runs.map((r) => r.logicalDate.toISOString()).sort()).toEqual(["2025-03-09T23:00:00.000Z", "2025-03-10T23:00:00.000Z"]);
  });

  it("explains bad ranges and dates", async () => {
    await expect(operator.dags.backfill({ tenantSlug, dagId: "etl_daily", start: "2025-02-05", end: "2025-02-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(operator.dags.backfill({ tenantSlug, dagId: "etl_daily", start: "01/02/2025", end: "2025-02-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("2025-01-31"),
    });
  });

  it("refuses VIEWERs and does not find another tenant's DAG", async () => {
    const { caller: viewer } = await memberWithRole(testDb.db, tenantSlug, "VIEWER");
    await expect(viewer.dags.backfill({ tenantSlug, dagId: "etl_daily", start: "2025-04-01", end: "2025-04-02" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await memberWithRole(testDb.db, "kramerica", "OWNER");
    await expect(
      other.caller.dags.backfill({ tenantSlug: "kramerica", dagId: "etl_daily", start: "2025-04-01", end: "2025-04-02" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const dag = await testDb.db.dag.findFirstOrThrow({ where: { dagId: "etl_daily" } });
    expect(await testDb.db.dagRun.count({ where: { dagDbId: dag.id, logicalDate: { gte: new Date("2025-04-01T00:00:00Z") } } })).toBe(0);
  });
});
