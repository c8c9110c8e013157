import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { clearJobQueue } from "./clear-job-queue";
import { enqueueJob } from "./enqueue-job";
import { listPendingJobs } from "./list-pending-jobs";

const t = useTestDatabase();

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

beforeEach(async () => {
  await clearJobQueue(t.db);
});

describe("listPendingJobs", () => {
  it("lists queued jobs oldest first, narrowed by job name or job key", async () => {
    const runId = randomUUID();
    const tenantId = randomUUID();
    await enqueueJob(t.db, "evaluate_run", { runId }, { jobKey: `evaluate_run:${runId}` });
    await enqueueJob(t.db, "provision_tenant", { tenantId }, { jobKey: `provision_tenant:${tenantId}` });

    const all = await listPendingJobs(t.db);
    expect(all.map((j) => [j.name, j.key, j.payload])).toEqual([
      ["evaluate_run", `evaluate_run:${runId}`, { runId }],
      ["provision_tenant", `provision_tenant:${tenantId}`, { tenantId }],
    ]);
    expect(all[0]?.runAt).toBeInstanceOf(Date);
    expect((await listPendingJobs(t.db, { name: "provision_tenant" })).map((j) => j.key)).toEqual([`provision_tenant:${tenantId}`]);
    expect((await listPendingJobs(t.db, { key: `evaluate_run:${runId}` })).map((j) => j.name)).toEqual(["evaluate_run"]);
    expect(await listPendingJobs(t.db, { name: "evaluate_run", key: `provision_tenant:${tenantId}` })).toEqual([]);
  });

  it("sees nothing after clearJobQueue", async () => {
    await enqueueJob(t.db, "evaluate_run", { runId: randomUUID() });
    await clearJobQueue(t.db);
    expect(await listPendingJobs(t.db)).toEqual([]);
  });
});
