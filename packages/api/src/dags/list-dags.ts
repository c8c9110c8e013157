import type { DagRunState, DbOrTx } from "@updraft/db";
import { readDagSpec } from "@updraft/engine";

export interface DagListItem {
  dagId: string;
  description: string | null;
  schedule: string | null;
  timezone: string;
  isPaused: boolean;
  currentVersion: number | null;
  tags: string[];
  lastRun: { id: string; runId: string; state: DagRunState; createdAt: Date } | null;
  nextRunAt: Date | null;
}

/** Every DAG of the tenant, by dag_id, with its latest run. */
export async function listDags(db: DbOrTx, tenantId: string): Promise<DagListItem[]> {
  const dags = await db.dag.findMany({
    where: { tenantId },
    orderBy: { dagId: "asc" },
    include: {
      currentVersion: { select: { version: true, spec: true } },
      runs: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, runId: true, state: true, createdAt: true } },
    },
  });
  return dags.map((dag) => {
    const spec = dag.currentVersion ? readDagSpec(dag.currentVersion.spec) : null;
    return {
      dagId: dag.dagId,
      description: spec?.description ?? null,
      schedule: dag.schedule,
      timezone: dag.timezone,
      isPaused: dag.isPaused,
      currentVersion: dag.currentVersion?.version ?? null,
      tags: spec?.tags ?? [],
      lastRun: dag.runs[0] ?? null,
      nextRunAt: dag.nextRunAt,
    };
  });
}
