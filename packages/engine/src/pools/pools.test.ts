import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { evaluateRun } from "../runs/evaluate-run";
import { triggerDagRun } from "../runs/trigger-dag-run";
import { launchTask, newTenant, uploadDag } from "../testing/engine-test-kit";
import { UserError } from "../user-error";
import { deletePool } from "./delete-pool";
import { listPools } from "./list-pools";
import { upsertPool } from "./upsert-pool";

const t = useTestDatabase();

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

describe("pools", () => {
  it("lists the implicit default_pool (128 slots) in a tenant without pools", async () => {
    const tenantId = await newTenant(t.db, "fresh");
    expect(await listPools(t.db, { tenantId })).toEqual([
      { name: "default_pool", slots: 128, description: "Tasks without a pool run here.", running: 0, queued: 0, scheduled: 0, implicit: true },
    ]);
  });

  it("creates, edits and deletes pools, and counts their running, queued and waiting tasks", async () => {
    const tenantId = await newTenant(t.db, "crud");
    const created = await upsertPool(t.db, { tenantId, name: "gpu", slots: 1, description: "The A100 box" });
    expect(created).toMatchObject({ tenantId, name: "gpu", slots: 1, description: "The A100 box" });
    const dagDbId = await uploadDag(
      t.db,
      tenantId,
      `dag_id: trainers\nschedule: null\ntasks:\n${["a", "b", "c"].map((n) => `  - task_id: ${n}\n    command: ["true"]\n    pool: gpu\n`).join("")}  - task_id: plain\n    command: ["true"]\n`,
    );
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    await evaluateRun(t.db, run.id);
    await launchTask(t.db, run.id, "a");
    expect(await listPools(t.db, { tenantId })).toEqual([
      { name: "default_pool", slots: 128, description: "Tasks without a pool run here.", running: 0, queued: 1, scheduled: 0, implicit: true },
      { name: "gpu", slots: 1, description: "The A100 box", running: 1, queued: 0, scheduled: 2, implicit: false },
    ]);

    const edited = await upsertPool(t.db, { tenantId, name: "gpu", slots: 3 });
    expect(edited.description).toBe("The A100 box");
    const gpu = (await listPools(t.db, { tenantId })).find((p) => p.name === "gpu");
    expect(gpu).toMatchObject({ slots: 3, running: 1, queued: 2, scheduled: 0 });

    await upsertPool(t.db, { tenantId, name: "default_pool", slots: 4 });
    expect((await listPools(t.db, { tenantId }))[0]).toMatchObject({ name: "default_pool", slots: 4, implicit: false });

    await deletePool(t.db, { tenantId, name: "gpu" });
    expect((await listPools(t.db, { tenantId })).map((p) => p.name)).toEqual(["default_pool"]);
  });

  it("rejects bad names and slot counts, and keeps default_pool, with messages that say why", async () => {
    const tenantId = await newTenant(t.db, "rules");
    await expect(upsertPool(t.db, { tenantId, name: "GPU pool", slots: 1 })).rejects.toThrow(
      "Pool names are 1-100 characters of a-z, 0-9, _, . and -",
    );
    await expect(upsertPool(t.db, { tenantId, name: "x".repeat(101), slots: 1 })).rejects.toThrow(UserError);
    await expect(upsertPool(t.db, { tenantId, name: "gpu", slots: -1 })).rejects.toThrow("cannot be negative");
    await expect(upsertPool(t.db, { tenantId, name: "gpu", slots: 1.5 })).rejects.toThrow("whole number");
    await expect(upsertPool(t.db, { tenantId, name: "gpu", slots: 100_001 })).rejects.toThrow("at most 100000 slots");
    await expect(deletePool(t.db, { tenantId, name: "default_pool" })).rejects.toThrow("default_pool cannot be deleted");
    await expect(deletePool(t.db, { tenantId, name: "nope" })).rejects.toThrow('There is no pool "nope" in this tenant.');
    const other = await newTenant(t.db, "rules-other");
    await upsertPool(t.db, { tenantId: other, name: "shared_name", slots: 2 });
    await expect(deletePool(t.db, { tenantId, name: "shared_name" })).rejects.toThrow(UserError);
    expect((await listPools(t.db, { tenantId })).map((p) => p.name)).toEqual(["default_pool"]);
  });
});
