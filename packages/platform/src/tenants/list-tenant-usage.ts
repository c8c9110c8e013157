import type { Db } from "@updraft/db";
import {
  QUOTA_MESSAGE_PREFIX,
  formatCpuMillis,
  formatMemoryBytes,
  sumQuotaUse,
  type RequestGroup,
  quotaLimitsOf,
  tenantQuotaOf,
} from "@updraft/engine";
import type { TenantQuota } from "@updraft/domain/tenant-quota";

export interface TenantUsage {
  id: string;
  slug: string;
  name: string;
  members: number;
  quota: TenantQuota;
  /** What its QUEUED + RUNNING tasks hold, counted as admission counts them. */
  used: { cpu: string; memory: string; gpus: number; pods: number; tasks: number };
  /** SCHEDULED tasks held back by the quota. */
  waitingForQuota: number;
  provisionedAt: Date | null;
  provisionError: string | null;
}

/** Every tenant with its quota and what it uses of it (the platform admin's page), ordered by slug. */
export async function listTenantUsage(db: Db): Promise<TenantUsage[]> {
  const [tenants, groups, waiting] = await Promise.all([
    db.tenant.findMany({ orderBy: { slug: "asc" }, include: { _count: { select: { memberships: true } } } }),
    db.$queryRaw<(RequestGroup & { tenantId: string })[]>`
      SELECT tenant_id::text AS "tenantId", request_cpu_millis AS "cpuMillis",
             request_memory_bytes::float8 AS "memoryBytes", request_gpus AS gpus, count(*)::int AS count
        FROM task_instances
       WHERE state IN ('QUEUED', 'RUNNING')
       GROUP BY tenant_id, request_cpu_millis, request_memory_bytes, request_gpus`,
    db.$queryRaw<{ tenantId: string; count: number }[]>`
      SELECT tenant_id::text AS "tenantId", count(*)::int AS count
        FROM task_instances
       WHERE state = 'SCHEDULED' AND starts_with(message, ${QUOTA_MESSAGE_PREFIX})
       GROUP BY tenant_id`,
  ]);
  return tenants.map((t) => {
    const quota = tenantQuotaOf(t);
    const use = sumQuotaUse(
      groups.filter((g) => g.tenantId === t.id),
      quotaLimitsOf(quota),
    );
    return {
      id: t.id,
      slug: t.slug,
      name: t.name,
      members: t._count.memberships,
      quota,
      used: {
        cpu: formatCpuMillis(use.cpuMillis),
        memory: formatMemoryBytes(use.memoryBytes),
        gpus: use.gpus,
        pods: use.tasks,
        tasks: use.tasks,
      },
      waitingForQuota: waiting.find((w) => w.tenantId === t.id)?.count ?? 0,
      provisionedAt: t.provisionedAt,
      provisionError: t.provisionError,
    };
  });
}
