import { z } from "zod";
import { tryParseQuantity } from "./quantity/parse-kube-quantity";

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

/** The quota of a tenant nobody has changed (also the tenants table's column defaults). */
export const DEFAULT_TENANT_QUOTA: TenantQuota = { cpu: "32", memory: "128Gi", gpus: 0, pods: 200, maxConcurrentTasks: 128 };

/** The bounds of each quota field (cpu in cores, memory in bytes). */
export const TENANT_QUOTA_BOUNDS = {
  minCpuCores: 0.001,
  minMemoryBytes: 1,
  gpus: { min: 0, max: 1_000_000 },
  pods: { min: 1, max: 1_000_000 },
  maxConcurrentTasks: { min: 1, max: 100_000 },
} as const;

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

function wholeNumber(bounds: { min: number; max: number }, message: string) {
  return z.number({ error: message }).int(message).min(bounds.min, message).max(bounds.max, message);
}

const { minCpuCores, minMemoryBytes, gpus, pods, maxConcurrentTasks } = TENANT_QUOTA_BOUNDS;

/**
 * Validates a quota (cpu and memory as Kubernetes quantities above 0, whole
 * numbers otherwise); every message names the field's limits and an example.
 * Quantities may be given as numbers and come out as trimmed text.
 */
export const tenantQuotaSchema = z.object({
  cpu: positiveQuantity(minCpuCores, `"4" or "500m"`),
  memory: positiveQuantity(minMemoryBytes, `"16Gi" or "512Mi"`),
  gpus: wholeNumber(gpus, "must be a whole number of GPUs, 0 or more, e.g. 0 or 2"),
  pods: wholeNumber(pods, "must be a whole number of pods, 1 or more, e.g. 200"),
  maxConcurrentTasks: wholeNumber(maxConcurrentTasks, `must be a whole number of tasks from ${maxConcurrentTasks.min} to ${maxConcurrentTasks.max}, e.g. 128`),
});

/** The same fields, each optional (a new tenant's quota; missing ones take the defaults). */
export const partialTenantQuotaSchema = tenantQuotaSchema.partial();

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
