import { describe, expect, it } from "vitest";
import { UserError } from "../user-error";
import { tenantQuotaSchema } from "@updraft/domain/tenant-quota";
import { parseTenantQuota, quotaLimitsOf } from "./tenant-quota";

const VALID = { cpu: "4", memory: "16Gi", gpus: 0, pods: 50, maxConcurrentTasks: 20 };

describe("tenant quota validation", () => {
  it("accepts Kubernetes quantities and whole numbers, trimming the quantities", () => {
    expect(parseTenantQuota(tenantQuotaSchema, { ...VALID, cpu: " 500m ", memory: "1.5Gi" })).toEqual({ ...VALID, cpu: "500m", memory: "1.5Gi" });
    expect(parseTenantQuota(tenantQuotaSchema, { ...VALID, cpu: 2 })).toEqual({ ...VALID, cpu: "2" });
  });

  it.each([
    [{ cpu: "0" }, 'cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"'],
    [{ cpu: "4 cores" }, 'cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"'],
    [{ memory: "16GB" }, 'memory: must be a Kubernetes quantity greater than 0, e.g. "16Gi" or "512Mi"'],
    [{ gpus: 0.5 }, "gpus: must be a whole number of GPUs, 0 or more, e.g. 0 or 2"],
    [{ pods: 0 }, "pods: must be a whole number of pods, 1 or more, e.g. 200"],
    [{ maxConcurrentTasks: 100_001 }, "maxConcurrentTasks: must be a whole number of tasks from 1 to 100000, e.g. 128"],
  ])("rejects %o", (change, message) => {
    expect(() => parseTenantQuota(tenantQuotaSchema, { ...VALID, ...change })).toThrow(new UserError(`Invalid quota: ${message}`));
  });

  it("counts the quota in millicores and bytes", () => {
    expect(quotaLimitsOf({ ...VALID, cpu: "3500m", memory: "2Gi" })).toEqual({
      maxConcurrentTasks: 20,
      pods: 50,
      cpuMillis: 3500,
      memoryBytes: 2 * 2 ** 30,
      gpus: 0,
    });
  });
});
