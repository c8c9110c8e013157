import { z } from "zod";
import { tryParseQuantity } from "@updraft/domain/quantity";
import { tenantQuotaSchema } from "@updraft/domain/tenant-quota";
import { tenantSlugSchema } from "@updraft/domain/tenant-slug";

const quantity = (what: string, example: string) =>
  z
    .string()
    .refine((text) => {
      const parsed = tryParseQuantity(text);
      return parsed !== undefined && parsed.value >= 0;
    }, `${what} must be a non-negative Kubernetes quantity, e.g. ${example}`);

const cpu = quantity("cpu", '"4" or "500m"');
const memory = quantity("memory", '"16Gi" or "512Mi"');
const cidr = z
  .string()
  .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/, 'expected a CIDR block like "10.0.0.0/8"');
const secretKey = z.string().regex(/^[-._a-zA-Z0-9]+$/, "keys must consist of letters, digits, '-', '_' or '.'");

/** The tenant's hard quota: the namespace's ResourceQuota (requests and limits alike). */
const namespaceQuotaSchema = tenantQuotaSchema.pick({ cpu: true, memory: true, gpus: true, pods: true });

export const provisionTenantInputSchema = z.object({
  slug: tenantSlugSchema,
  quota: namespaceQuotaSchema,
  /** The LimitRange; every field defaults from the quota. */
  limits: z
    .object({
      maxPerPod: z.object({ cpu: cpu.optional(), memory: memory.optional() }).optional(),
      defaultLimit: z.object({ cpu: cpu.optional(), memory: memory.optional() }).optional(),
      defaultRequest: z.object({ cpu: cpu.optional(), memory: memory.optional() }).optional(),
    })
    .default({}),
  /** Secret name → value; injected into tasks as <NAME>. */
  secrets: z.record(secretKey, z.string()).default({}),
  /** Connection id → connection URI; injected as UPDRAFT_CONN_<ID> and AIRFLOW_CONN_<ID>. */
  connections: z.record(secretKey, z.string()).default({}),
  /** The cluster's own address ranges (pod and service CIDRs, node ranges): task pods may not reach them. */
  clusterCidrs: z.array(cidr).default([]),
});

/** What provisioning is given: the quota as stored (quantities as text), everything else possibly defaulted. */
export type ProvisionTenantInput = Omit<z.input<typeof provisionTenantInputSchema>, "quota"> & { quota: z.output<typeof namespaceQuotaSchema> };
export type ProvisionTenantSpec = z.output<typeof provisionTenantInputSchema>;

/** Validates provisioning input; the error lists every problem with its field. */
export function parseProvisionTenantInput(input: ProvisionTenantInput): ProvisionTenantSpec {
  const result = provisionTenantInputSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
  throw new Error(`Cannot provision tenant "${String(input.slug)}": ${problems.join("; ")}`);
}
