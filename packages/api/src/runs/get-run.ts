import type { DbOrTx, TaskState } from "@updraft/db";
import { readDagSpec } from "@updraft/engine";
import { taskGraphOf } from "../dags/stored-dag-spec";
import { layerTasks, type LayeredTaskNode } from "../dags/task-layers";
import { findRunOrThrow } from "./find-run";
import { isRunFinished } from "./run-states";

export interface RunTaskView {
  /** TaskInstance id, null while the engine has not created the instance yet. */
  id: string | null;
  taskId: string;
  state: TaskState;
  tryNumber: number;
  maxTries: number;
  queuedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  exitCode: number | null;
  message: string | null;
}

/** A run with its task instances (in graph order) and the task graph of the DAG version it runs. */
export async function getRun(db: DbOrTx, input: { tenantId: string; id: string }) {
  const run = await findRunOrThrow(db, input.tenantId, input.id);
  const [dag, version, instances] = await Promise.all([
    db.dag.findFirstOrThrow({ where: { id: run.dagDbId, tenantId: input.tenantId }, select: { dagId: true } }),
    db.dagVersion.findFirstOrThrow({ where: { id: run.dagVersionId, dagDbId: run.dagDbId } }),
    db.taskInstance.findMany({ where: { dagRunId: run.id, tenantId: input.tenantId } }),
  ]);
  const graph: LayeredTaskNode[] = layerTasks(taskGraphOf(readDagSpec(version.spec)));
  const byTaskId = new Map(instances.map((ti) => [ti.taskId, ti]));
  const tasks: RunTaskView[] = graph.map((node) => {
    const ti = byTaskId.get(node.taskId);
    return {
      id: ti?.id ?? null,
      taskId: node.taskId,
      state: ti?.state ?? "NONE",
      tryNumber: ti?.tryNumber ?? 0,
      maxTries: ti?.maxTries ?? 1,
      queuedAt: ti?.queuedAt ?? null,
      startedAt: ti?.startedAt ?? null,
      endedAt: ti?.endedAt ?? null,
      exitCode: ti?.exitCode ?? null,
      message: ti?.message ?? null,
    };
  });
  return {
    id: run.id,
    runId: run.runId,
    dagId: dag.dagId,
    version: version.version,
    runType: run.runType,
    state: run.state,
    finished: isRunFinished(run.state),
    logicalDate: run.logicalDate,
    dataIntervalStart: run.dataIntervalStart,
    dataIntervalEnd: run.dataIntervalEnd,
    conf: run.conf,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    graph,
    tasks,
  };
}
