import { tryParseQuantity } from "@updraft/dag";
import { z } from "zod";
import type { QuotaLimits } from "../decisions/task-request";
import { UserError } from "../user-error";

/**
 * A tenant's quota, set by platform admins: the namespace's ResourceQuota on
 * Kubernetes, and what admission lets run at once on every executor.
 */
export interface TenantQuota {
  /** Kubernetes quantity of CPU cores ("32", "500m"). */
  cpu: string;
  /** Kubernetes quantity of memory bytes ("128Gi"). */
  memory: string;
  gpus: number;
  pods: number;
  maxConcurrentTasks: number;
}

/** The quota of a tenant nobody has changed (the tenants table's defaults). */
export const DEFAULT_TENANT_QUOTA: TenantQuota = { cpu: "32", memory: "128Gi", gpus: 0, pods: 200, maxConcurrentTasks: 128 };

const MAX_COUNT = 1_000_000;

function positiveQuantity(smallest: number, example: string) {
  const message = `must be a Kubernetes quantity greater than 0, e.g. ${example}`;
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((value) => String(value).trim())
    .refine((text) => {
      const parsed = tryParseQuantity(text);
      return parsed !== undefined && Number.isFinite(parsed.value) && parsed.value >= smallest && !text.startsWith("+");
    }, message);
}

function wholeNumber(min: number, max: number, message: string) {
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

const quotaFields = {
  cpu: positiveQuantity(0.001, `"4" or "500m"`),
  memory: positiveQuantity(1, `"16Gi" or "512Mi"`),
  gpus: wholeNumber(0, MAX_COUNT, "must be a whole number of GPUs, 0 or more, e.g. 0 or 2"),
  pods: wholeNumber(1, MAX_COUNT, "must be a whole number of pods, 1 or more, e.g. 200"),
  maxConcurrentTasks: wholeNumber(1, 100_000, "must be a whole number of tasks from 1 to 100000, e.g. 128"),
};

/**
 * Validates a quota (cpu and memory as Kubernetes quantities above 0, whole
 * numbers otherwise); every message names the field's limits and an example.
 */
export const tenantQuotaSchema: z.ZodType<TenantQuota> = z.object(quotaFields);

/** The same fields, each optional (a new tenant's quota; missing ones take the defaults). */
export const partialTenantQuotaSchema: z.ZodType<Partial<TenantQuota>> = z.object(quotaFields).partial();

/** Validates a quota, throwing a UserError that lists every problem ("cpu: …; pods: …"). */
export function parseTenantQuota<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = checkTenantQuota(schema, input);
  if (!parsed.ok) throw new UserError(`Invalid quota: ${parsed.problems.join("; ")}`);
  return parsed.value;
}

/** Validates a quota: its value, or every problem, each naming its field ("cpu: must be …"). */
export function checkTenantQuota<T>(schema: z.ZodType<T>, input: unknown): { ok: true; value: T } | { ok: false; problems: string[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return { ok: false, problems };
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
