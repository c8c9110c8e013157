import type { DagRunState, DagRunType, DbOrTx, TaskState } from "@updraft/db";
import { readDagSpec } from "@updraft/engine";
import { findDagOrThrow } from "../dags/find-dag";
import { taskGraphOf } from "../dags/stored-dag-spec";
import { layerTasks } from "../dags/task-layers";
import { isRunFinished } from "./run-states";

export interface GridRun {
  id: string;
  runId: string;
  runType: DagRunType;
  state: DagRunState;
  finished: boolean;
  logicalDate: Date;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface GridCell {
  taskInstanceId: string;
  state: TaskState;
  tryNumber: number;
  maxTries: number;
  message: string | null;
}

export interface GridRow {
  taskId: string;
  /** False for a task that only older runs have (removed from the current version). */
  inCurrentVersion: boolean;
  /** One entry per run, aligned with `runs`; null when that run has no such task. */
  cells: Array<GridCell | null>;
}

export interface RunGrid {
  dagId: string;
  /** Oldest → newest (left to right), by logical date. */
  runs: GridRun[];
  /** Tasks in graph order of the DAG's current version, then tasks only older runs have. */
  rows: GridRow[];
  /** Some run shown is still queued or running. */
  live: boolean;
}

/** Airflow's Grid: the DAG's last `limit` runs as columns × its tasks as rows. */
export async function getRunGrid(db: DbOrTx, input: { tenantId: string; dagId: string; limit: number }): Promise<RunGrid> {
  const dag = await findDagOrThrow(db, input.tenantId, input.dagId);
  const [current, newestFirst] = await Promise.all([
    dag.currentVersionId
      ? db.dagVersion.findFirst({ where: { id: dag.currentVersionId, dagDbId: dag.id }, select: { spec: true } })
      : Promise.resolve(null),
    db.dagRun.findMany({
      where: { tenantId: input.tenantId, dagDbId: dag.id },
      orderBy: [{ logicalDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
    }),
  ]);
  const runs = newestFirst.reverse();
  const instances = await db.taskInstance.findMany({
    where: { tenantId: input.tenantId, dagRunId: { in: runs.map((r) => r.id) } },
    select: { id: true, dagRunId: true, taskId: true, state: true, tryNumber: true, maxTries: true, message: true },
  });

  const currentTaskIds = current ? layerTasks(taskGraphOf(readDagSpec(current.spec))).map((n) => n.taskId) : [];
  const known = new Set(currentTaskIds);
  const olderTaskIds = [...new Set(instances.map((ti) => ti.taskId).filter((id) => !known.has(id)))].sort();

  const cellByRunAndTask = new Map(instances.map((ti) => [`${ti.dagRunId}\u0000${ti.taskId}`, ti]));
  const rowFor = (taskId: string, inCurrentVersion: boolean): GridRow => ({
    taskId,
    inCurrentVersion,
    cells: runs.map((run) => {
      const ti = cellByRunAndTask.get(`${run.id}\u0000${taskId}`);
      return ti
        ? { taskInstanceId: ti.id, state: ti.state, tryNumber: ti.tryNumber, maxTries: ti.maxTries, message: ti.message }
        : null;
    }),
  });

  return {
    dagId: dag.dagId,
    runs: runs.map((r) => ({
      id: r.id,
      runId: r.runId,
      runType: r.runType,
      state: r.state,
      finished: isRunFinished(r.state),
      logicalDate: r.logicalDate,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
    })),
    rows: [...currentTaskIds.map((id) => rowFor(id, true)), ...olderTaskIds.map((id) => rowFor(id, false))],
    live: runs.some((r) => !isRunFinished(r.state)),
  };
}
