import { DEFAULT_TENANT_QUOTA } from "@updraft/domain/tenant-quota";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./testing";

const database = useTestDatabase();

/** The schema spells domain rules again (column defaults); these keep them equal. */
describe("the Prisma schema and @updraft/domain", () => {
  it("give a new tenant the same default quota", async () => {
    const tenant = await database.db.tenant.create({ data: { slug: "column-defaults", name: "Column defaults" } });
    expect({
      cpu: tenant.quotaCpu,
      memory: tenant.quotaMemory,
      gpus: tenant.quotaGpus,
      pods: tenant.quotaPods,
      maxConcurrentTasks: tenant.maxConcurrentTasks,
    }).toEqual(DEFAULT_TENANT_QUOTA);
  });
});
