import type { DbOrTx } from "@updraft/db";
import { readDagSpec } from "@updraft/engine";

export interface CostReportOptions {
  currency: string;
  dags: { dagDbId: string; dagId: string; tags: string[] }[];
  tags: string[];
}

/** What the dashboard's filters offer: the tenant's DAGs and their tags, and its currency. */
export async function costReportOptions(db: DbOrTx, input: { tenantId: string }): Promise<CostReportOptions> {
  const [tenant, dags] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { currency: true } }),
    db.dag.findMany({ where: { tenantId: input.tenantId }, orderBy: { dagId: "asc" }, include: { currentVersion: { select: { spec: true } } } }),
  ]);
  const list = dags.map((d) => {
    const spec = d.currentVersion ? readDagSpec(d.currentVersion.spec) : null;
    return { dagDbId: d.id, dagId: d.dagId, tags: spec?.tags ?? [] };
  });
  return { currency: tenant.currency, dags: list, tags: [...new Set(list.flatMap((d) => d.tags))].sort() };
}
