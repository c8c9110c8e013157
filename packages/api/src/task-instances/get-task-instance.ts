import { TRPCError } from "@trpc/server";
import type { DagRunState, DbOrTx, TaskState } from "@updraft/db";
import { isRunFinished, isTaskFinished } from "../runs/run-states";
import { maskSecretEnv } from "./mask-secret-env";
import { missingCurrentTry, type TryRecord } from "../runs/missing-current-try";
import { readRenderedCommand, readRenderedEnv } from "./read-rendered-invocation";

export interface TaskTryView extends TryRecord {
  hostname: string | null;
  /** argv as rendered at launch; null when the try never launched. */
  renderedCommand: string[] | null;
  /** env as rendered at launch, values of secret-looking names masked as "***". */
  renderedEnv: Record<string, string> | null;
}

export interface TaskInstanceView {
  id: string;
  taskId: string;
  dagId: string;
  run: { id: string; runId: string; state: DagRunState; finished: boolean; logicalDate: Date };
  state: TaskState;
  /** The current (or last) try; 0 before the first launch. */
  tryNumber: number;
  maxTries: number;
  pool: string;
  priorityWeight: number;
  message: string | null;
  queuedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  exitCode: number | null;
  /** up_for_retry: when the next try may start. */
  nextTryAt: Date | null;
  /** The task will not change again by itself. */
  finished: boolean;
  /** Oldest first. */
  tries: TaskTryView[];
}

/** One task instance of the tenant with every try (retries and clears each add one). */
export async function getTaskInstance(db: DbOrTx, input: { tenantId: string; id: string }): Promise<TaskInstanceView> {
  const ti = await db.taskInstance.findFirst({
    where: { id: input.id, tenantId: input.tenantId },
    include: {
      tries: { orderBy: { tryNumber: "asc" } },
      dagRun: { select: { id: true, runId: true, state: true, logicalDate: true, dag: { select: { dagId: true } } } },
    },
  });
  if (!ti) throw new TRPCError({ code: "NOT_FOUND", message: "Task instance not found" });

  const tries: TaskTryView[] = ti.tries.map((t) => {
    const env = readRenderedEnv(t.renderedEnv);
    return {
      tryNumber: t.tryNumber,
      state: t.state,
      queuedAt: t.queuedAt,
      startedAt: t.startedAt,
      endedAt: t.endedAt,
      exitCode: t.exitCode,
      message: t.message,
      hostname: t.hostname,
      renderedCommand: readRenderedCommand(t.renderedCommand),
      renderedEnv: env ? maskSecretEnv(env) : null,
    };
  });
  const legacy = missingCurrentTry(ti, tries);
  if (legacy) tries.push({ ...legacy, hostname: null, renderedCommand: null, renderedEnv: null });

  return {
    id: ti.id,
    taskId: ti.taskId,
    dagId: ti.dagRun.dag.dagId,
    run: {
      id: ti.dagRun.id,
      runId: ti.dagRun.runId,
      state: ti.dagRun.state,
      finished: isRunFinished(ti.dagRun.state),
      logicalDate: ti.dagRun.logicalDate,
    },
    state: ti.state,
    tryNumber: ti.tryNumber,
    maxTries: ti.maxTries,
    pool: ti.pool,
    priorityWeight: ti.priorityWeight,
    message: ti.message,
    queuedAt: ti.queuedAt,
    startedAt: ti.startedAt,
    endedAt: ti.endedAt,
    exitCode: ti.exitCode,
    nextTryAt: ti.nextTryAt,
    finished: isTaskFinished(ti.state),
    tries,
  };
}
