import { describe, expect, it } from "vitest";
import { checkTenantQuota, DEFAULT_TENANT_QUOTA, partialTenantQuotaSchema, tenantQuotaSchema } from "./tenant-quota";

const VALID = { cpu: "4", memory: "16Gi", gpus: 0, pods: 50, maxConcurrentTasks: 20 };
const check = (change: object) => checkTenantQuota(tenantQuotaSchema, { ...VALID, ...change });

describe("tenant quota", () => {
  it("accepts the defaults", () => {
    expect(check(DEFAULT_TENANT_QUOTA)).toEqual({ ok: true, value: DEFAULT_TENANT_QUOTA });
  });

  it("accepts quantities above 0 (trimmed, numbers as text) and whole numbers at their bounds", () => {
    expect(check({ cpu: " 1m ", memory: 1 })).toEqual({ ok: true, value: { ...VALID, cpu: "1m", memory: "1" } });
    expect(check({ gpus: 0, pods: 1, maxConcurrentTasks: 1 }).ok).toBe(true);
    expect(check({ gpus: 1_000_000, pods: 1_000_000, maxConcurrentTasks: 100_000 }).ok).toBe(true);
  });

  it.each([
    [{ cpu: "0" }, 'cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"'],
    [{ cpu: "0.5m" }, 'cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"'],
    [{ cpu: "-1" }, 'cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"'],
    [{ cpu: "+2" }, 'cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"'],
    [{ memory: "0" }, 'memory: must be a Kubernetes quantity greater than 0, e.g. "16Gi" or "512Mi"'],
    [{ memory: "16GB" }, 'memory: must be a Kubernetes quantity greater than 0, e.g. "16Gi" or "512Mi"'],
    [{ gpus: -1 }, "gpus: must be a whole number of GPUs, 0 or more, e.g. 0 or 2"],
    [{ gpus: 1_000_001 }, "gpus: must be a whole number of GPUs, 0 or more, e.g. 0 or 2"],
    [{ pods: 0 }, "pods: must be a whole number of pods, 1 or more, e.g. 200"],
    [{ pods: 1_000_001 }, "pods: must be a whole number of pods, 1 or more, e.g. 200"],
    [{ maxConcurrentTasks: 0 }, "maxConcurrentTasks: must be a whole number of tasks from 1 to 100000, e.g. 128"],
    [{ maxConcurrentTasks: 100_001 }, "maxConcurrentTasks: must be a whole number of tasks from 1 to 100000, e.g. 128"],
    [{ maxConcurrentTasks: 2.5 }, "maxConcurrentTasks: must be a whole number of tasks from 1 to 100000, e.g. 128"],
  ])("refuses %o", (change, problem) => {
    expect(check(change)).toEqual({ ok: false, problems: [problem] });
  });

  it("lets a new tenant's quota leave fields out, with the same bounds on the ones given", () => {
    expect(checkTenantQuota(partialTenantQuotaSchema, {})).toEqual({ ok: true, value: {} });
    expect(checkTenantQuota(partialTenantQuotaSchema, { pods: 0 })).toEqual({
      ok: false,
      problems: ["pods: must be a whole number of pods, 1 or more, e.g. 200"],
    });
  });
});
