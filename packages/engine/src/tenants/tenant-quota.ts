import { tryParseQuantity } from "@updraft/domain/quantity";
import { checkTenantQuota, type TenantQuota } from "@updraft/domain/tenant-quota";
import type { z } from "zod";
import type { QuotaLimits } from "../decisions/task-request";
import { UserError } from "../user-error";

/** Validates a quota, throwing a UserError that lists every problem ("cpu: …; pods: …"). */
export function parseTenantQuota<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = checkTenantQuota(schema, input);
  if (!parsed.ok) throw new UserError(`Invalid quota: ${parsed.problems.join("; ")}`);
  return parsed.value;
}

/** A tenant row's quota. */
export function tenantQuotaOf(row: {
  quotaCpu: string;
  quotaMemory: string;
  quotaGpus: number;
  quotaPods: number;
  maxConcurrentTasks: number;
}): TenantQuota {
  return { cpu: row.quotaCpu, memory: row.quotaMemory, gpus: row.quotaGpus, pods: row.quotaPods, maxConcurrentTasks: row.maxConcurrentTasks };
}

/** The quota in the units admission counts (millicores, bytes); an unreadable quantity counts as 0. */
export function quotaLimitsOf(quota: TenantQuota): QuotaLimits {
  return {
    maxConcurrentTasks: quota.maxConcurrentTasks,
    pods: quota.pods,
    cpuMillis: Math.round((tryParseQuantity(quota.cpu)?.value ?? 0) * 1000),
    memoryBytes: Math.round(tryParseQuantity(quota.memory)?.value ?? 0),
    gpus: quota.gpus,
  };
}
