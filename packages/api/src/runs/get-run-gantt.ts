import type { DagRunState, DbOrTx, TaskState } from "@updraft/db";
import { readDagSpec } from "@updraft/engine";
import { taskGraphOf } from "../dags/stored-dag-spec";
import { layerTasks } from "../dags/task-layers";
import { missingCurrentTry } from "./missing-current-try";
import { findRunOrThrow } from "./find-run";
import { isRunFinished } from "./run-states";

export interface GanttTry {
  tryNumber: number;
  state: TaskState;
  queuedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface GanttRow {
  taskId: string;
  taskInstanceId: string | null;
  state: TaskState;
  /** Oldest first; a retried or cleared task has several. */
  tries: GanttTry[];
}

export interface RunGantt {
  id: string;
  runId: string;
  state: DagRunState;
  finished: boolean;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** The server's clock when this was read: the end of bars still open. */
  now: Date;
  /** Tasks in graph order. */
  rows: GanttRow[];
}

/** Airflow's Gantt: every try of every task of a run, with queued and running times. */
export async function getRunGantt(db: DbOrTx, input: { tenantId: string; id: string }): Promise<RunGantt> {
  const run = await findRunOrThrow(db, input.tenantId, input.id);
  const [version, instances] = await Promise.all([
    db.dagVersion.findFirstOrThrow({ where: { id: run.dagVersionId, dagDbId: run.dagDbId }, select: { spec: true } }),
    db.taskInstance.findMany({
      where: { dagRunId: run.id, tenantId: input.tenantId },
      include: {
        tries: {
          orderBy: { tryNumber: "asc" },
          select: { tryNumber: true, state: true, queuedAt: true, startedAt: true, endedAt: true },
        },
      },
    }),
  ]);
  const byTaskId = new Map(instances.map((ti) => [ti.taskId, ti]));
  const rows: GanttRow[] = layerTasks(taskGraphOf(readDagSpec(version.spec))).map((node) => {
    const ti = byTaskId.get(node.taskId);
    if (!ti) return { taskId: node.taskId, taskInstanceId: null, state: "NONE", tries: [] };
    const tries: GanttTry[] = [...ti.tries];
    const legacy = missingCurrentTry(ti, tries);
    if (legacy) {
      const { tryNumber, state, queuedAt, startedAt, endedAt } = legacy;
      tries.push({ tryNumber, state, queuedAt, startedAt, endedAt });
    }
    return { taskId: node.taskId, taskInstanceId: ti.id, state: ti.state, tries };
  });
  return {
    id: run.id,
    runId: run.runId,
    state: run.state,
    finished: isRunFinished(run.state),
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    now: new Date(),
    rows,
  };
}
