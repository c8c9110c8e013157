import type { DbOrTx } from "@updraft/db";
import { findDagOrThrow } from "./find-dag";
import { readDagSpec } from "@updraft/engine";
import { taskGraphOf } from "./stored-dag-spec";
import { layerTasks } from "./task-layers";

export interface DagTaskView {
  taskId: string;
  dependsOn: string[];
  triggerRule: string;
  command: string[];
  args: string[];
  image: string | null;
  retries: number;
  /** Column in the left-to-right graph (longest path from a root task). */
  layer: number;
}

/** One DAG for its page: the current version's tasks, params and source, and every version. */
export async function getDag(db: DbOrTx, tenantId: string, dagId: string) {
  const dag = await findDagOrThrow(db, tenantId, dagId);
  const [current, versions] = await Promise.all([
    dag.currentVersionId
      ? db.dagVersion.findFirst({ where: { id: dag.currentVersionId, dagDbId: dag.id } })
      : Promise.resolve(null),
    db.dagVersion.findMany({
      where: { dagDbId: dag.id },
      orderBy: { version: "desc" },
      select: { version: true, fileName: true, sha256: true, createdAt: true, createdBy: { select: { email: true } } },
    }),
  ]);
  const spec = current ? readDagSpec(current.spec) : null;
  const layers = new Map(layerTasks(spec ? taskGraphOf(spec) : []).map((n) => [n.taskId, n.layer]));
  const tasks: DagTaskView[] = (spec?.tasks ?? []).map((t) => ({
    taskId: t.task_id,
    layer: layers.get(t.task_id) ?? 0,
    dependsOn: t.depends_on,
    triggerRule: t.trigger_rule,
    command: t.command,
    args: t.args,
    image: t.image,
    retries: t.retries,
  }));
  return {
    dagId: dag.dagId,
    description: spec?.description ?? null,
    schedule: dag.schedule,
    timezone: dag.timezone,
    isPaused: dag.isPaused,
    nextRunAt: dag.nextRunAt,
    tags: spec?.tags ?? [],
    params: spec?.params ?? {},
    tasks,
    currentVersion: current
      ? { version: current.version, fileName: current.fileName, sourceText: current.sourceText, createdAt: current.createdAt }
      : null,
    versions: versions.map((v) => ({
      version: v.version,
      fileName: v.fileName,
      sha256: v.sha256,
      createdAt: v.createdAt,
      createdBy: v.createdBy?.email ?? null,
    })),
  };
}
