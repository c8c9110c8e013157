import { TRPCError } from "@trpc/server";
import { Prisma, type DagRunState, type DagRunType, type DbOrTx, type TaskState } from "@updraft/db";
import type { TaskNode } from "../dags/stored-dag-spec";
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

/** The DAG and the task graph of its current version (task id, upstream ids, trigger rule, in file order). */
interface DagGraphRow {
  id: string;
  dagId: string;
  tasks: Array<{ taskId: string; dependsOn: string[]; triggerRule: string }> | string | null;
}

/** One run with its task instances as [id, taskId, state, tryNumber, maxTries, message] tuples. */
interface RunCellsRow extends Omit<GridRun, "finished"> {
  cells: Array<[string, string, TaskState, number, number, string | null]> | string;
}

/** Raw json columns arrive parsed or as text depending on the driver; accept both. */
function parsedJson<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/**
 * Airflow's Grid: the DAG's last `limit` runs as columns × its tasks as rows.
 * Two statements (the Grid polls this): the DAG with its current task graph
 * (only the fields the grid draws, not the whole spec), and the runs with
 * their task instances aggregated per run.
 */
export async function getRunGrid(db: DbOrTx, input: { tenantId: string; dagId: string; limit: number }): Promise<RunGrid> {
  const [[dag], newestFirst] = await Promise.all([
    db.$queryRaw<DagGraphRow[]>(Prisma.sql`
      SELECT d.id, d.dag_id AS "dagId",
             (SELECT jsonb_agg(jsonb_build_object('taskId', t.task->>'task_id', 'dependsOn', coalesce(t.task->'depends_on', '[]'::jsonb),
                                                  'triggerRule', t.task->>'trigger_rule') ORDER BY t.n)
                FROM jsonb_array_elements(v.spec->'tasks') WITH ORDINALITY AS t(task, n)) AS tasks
        FROM dags d
        LEFT JOIN dag_versions v ON v.id = d.current_version_id AND v.dag_db_id = d.id
       WHERE d.tenant_id = ${input.tenantId}::uuid AND d.dag_id = ${input.dagId}`),
    db.$queryRaw<RunCellsRow[]>(Prisma.sql`
      SELECT r.id, r.run_id AS "runId", r.run_type::text AS "runType", r.state::text AS state, r.logical_date AS "logicalDate",
             r.created_at AS "createdAt", r.started_at AS "startedAt", r.ended_at AS "endedAt",
             coalesce((SELECT json_agg(json_build_array(ti.id, ti.task_id, ti.state, ti.try_number, ti.max_tries, ti.message))
                         FROM task_instances ti
                        WHERE ti.dag_run_id = r.id AND ti.tenant_id = r.tenant_id), '[]'::json) AS cells
        FROM dags d
        JOIN dag_runs r ON r.dag_db_id = d.id AND r.tenant_id = d.tenant_id
       WHERE d.tenant_id = ${input.tenantId}::uuid AND d.dag_id = ${input.dagId}
       ORDER BY r.logical_date DESC, r.created_at DESC, r.id DESC
       LIMIT ${input.limit}::int`),
  ]);
  if (!dag) throw new TRPCError({ code: "NOT_FOUND", message: `DAG "${input.dagId}" not found in this tenant` });
  const runs = newestFirst.reverse();

  const graph: TaskNode[] = dag.tasks === null ? [] : parsedJson(dag.tasks);
  const currentTaskIds = layerTasks(graph).map((n) => n.taskId);
  const known = new Set(currentTaskIds);
  const cellByRunAndTask = new Map<string, GridCell>();
  const olderTaskIds = new Set<string>();
  for (const run of runs) {
    for (const [taskInstanceId, taskId, state, tryNumber, maxTries, message] of parsedJson(run.cells)) {
      cellByRunAndTask.set(`${run.id}\u0000${taskId}`, { taskInstanceId, state, tryNumber, maxTries, message });
      if (!known.has(taskId)) olderTaskIds.add(taskId);
    }
  }
  const rowFor = (taskId: string, inCurrentVersion: boolean): GridRow => ({
    taskId,
    inCurrentVersion,
    cells: runs.map((run) => cellByRunAndTask.get(`${run.id}\u0000${taskId}`) ?? null),
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
    rows: [...currentTaskIds.map((id) => rowFor(id, true)), ...[...olderTaskIds].sort().map((id) => rowFor(id, false))],
    live: runs.some((r) => !isRunFinished(r.state)),
  };
}
