import { renderTaskInvocation, type ResourceSpec } from "@updraft/dag";
import type { Db } from "@updraft/db";
import { readDagSpec } from "../dags/read-dag-spec";

/** Everything an executor needs to run one try of one task. */
export interface TaskLaunch {
  /** The executor's deterministic, DNS-label-safe key for this try. */
  key: string;
  taskInstanceId: string;
  tryNumber: number;
  tenantSlug: string;
  dagId: string;
  runId: string;
  taskId: string;
  image: string | null;
  command: string[];
  args: string[];
  env: Record<string, string>;
  executionTimeoutSeconds: number | null;
  resources: ResourceSpec;
}

/**
 * The `launch_task` job's database half: moves a queued try to running and
 * renders its command. Returns null when this try is not (or no longer) to be
 * launched, e.g. a duplicate job. A try already running is returned again so a
 * repeated launch lets the executor adopt the existing process.
 */
export async function startTaskTry(
  db: Db,
  input: { taskInstanceId: string; tryNumber: number; executorKey: string },
  now: Date = new Date(),
): Promise<TaskLaunch | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM task_instances WHERE id = ${input.taskInstanceId}::uuid FOR UPDATE`;
    const ti = await tx.taskInstance.findUnique({
      where: { id: input.taskInstanceId },
      include: {
        tenant: { select: { slug: true } },
        dagRun: { include: { dag: { select: { dagId: true } }, dagVersion: { select: { spec: true } } } },
      },
    });
    if (!ti || ti.tryNumber !== input.tryNumber) return null;
    if (ti.state !== "QUEUED" && ti.state !== "RUNNING") return null;
    if (ti.state === "QUEUED") {
      await tx.taskInstance.update({
        where: { id: ti.id },
        data: { state: "RUNNING", startedAt: now, executorKey: input.executorKey },
      });
    }
    const spec = readDagSpec(ti.dagRun.dagVersion.spec);
    const task = spec.tasks.find((t) => t.task_id === ti.taskId);
    if (!task) return null;
    const run = ti.dagRun;
    const invocation = renderTaskInvocation(
      spec,
      task,
      {
        runId: run.runId,
        logicalDate: run.logicalDate,
        dataIntervalStart: run.dataIntervalStart,
        dataIntervalEnd: run.dataIntervalEnd,
        conf: (run.conf ?? {}) as Record<string, unknown>,
      },
      ti.tryNumber,
    );
    return {
      key: input.executorKey,
      taskInstanceId: ti.id,
      tryNumber: ti.tryNumber,
      tenantSlug: ti.tenant.slug,
      dagId: run.dag.dagId,
      runId: run.runId,
      taskId: ti.taskId,
      image: task.image,
      ...invocation,
      executionTimeoutSeconds: task.execution_timeout,
      resources: task.resources,
    };
  });
}
