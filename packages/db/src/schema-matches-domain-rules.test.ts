import { ROLES_BY_RANK } from "@updraft/domain/roles";
import { DEFAULT_TENANT_QUOTA } from "@updraft/domain/tenant-quota";
import { describe, expect, it } from "vitest";
import { Role } from "./generated/prisma/client";
import { useTestDatabase } from "./testing";

const database = useTestDatabase();

/** The schema spells two domain rules again (an enum, column defaults); these keep them equal. */
describe("the Prisma schema and @updraft/domain", () => {
  it("name the same tenant roles", () => {
    expect(Object.values(Role).sort()).toEqual([...ROLES_BY_RANK].sort());
  });

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
