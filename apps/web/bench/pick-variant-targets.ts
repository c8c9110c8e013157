import type { Db } from "@updraft/db";
import type { VariantTargets } from "./request-variants";

/**
 * `count` DAGs spread evenly over the tenant's DAGs, and `count` tries with
 * stored log lines (in a fixed pseudo-random order), for the request variants.
 */
export async function pickVariantTargets(db: Db, input: { tenantId: string; tenantSlug: string; count: number }): Promise<VariantTargets> {
  const dags = await db.dag.findMany({ where: { tenantId: input.tenantId }, select: { dagId: true }, orderBy: { dagId: "asc" } });
  const step = Math.max(1, Math.floor(dags.length / input.count));
  const dagIds = dags.filter((_, i) => i % step === 0).slice(0, input.count).map((d) => d.dagId);
  const loggedTries = await db.$queryRawUnsafe<Array<{ taskInstanceId: string; tryNumber: number }>>(
    `SELECT ti.id::text AS "taskInstanceId", ti.try_number AS "tryNumber"
       FROM task_instances ti
      WHERE ti.tenant_id = $1::uuid AND EXISTS (SELECT 1 FROM task_logs l WHERE l.task_instance_id = ti.id AND l.try_number = ti.try_number)
      ORDER BY md5(ti.id::text)
      LIMIT $2::int`,
    input.tenantId,
    input.count,
  );
  return { tenantSlug: input.tenantSlug, dagIds, loggedTries };
}
