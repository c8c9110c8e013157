import { TRPCError } from "@trpc/server";
import type { DbOrTx, LogStream, TaskState } from "@updraft/db";
import { isTaskFinished } from "../runs/run-states";

export interface LogChunk {
  /** bigint id as a decimal string: the cursor to pass back as `afterId`. */
  id: string;
  stream: LogStream;
  content: string;
  createdAt: Date;
}

export interface TaskLogPage {
  taskId: string;
  taskState: TaskState;
  tryNumber: number;
  chunks: LogChunk[];
  /** Pass as `afterId` next time; the input cursor again when nothing new arrived. */
  nextCursor: string | null;
  /** More chunks are already waiting (this page hit the limit). */
  hasMore: boolean;
  /** This try will write no more output and every chunk up to now was returned. */
  finished: boolean;
}

/**
 * Log chunks of one try of a task instance, strictly after the cursor, in
 * arrival order. The instance's state is read BEFORE the chunks: the executor
 * writes output before it records the outcome, so "finished" can never hide
 * a chunk that was still on its way.
 */
export async function readTaskLog(
  db: DbOrTx,
  input: { tenantId: string; taskInstanceId: string; tryNumber?: number; afterId?: string; limit: number },
): Promise<TaskLogPage> {
  const ti = await db.taskInstance.findFirst({
    where: { id: input.taskInstanceId, tenantId: input.tenantId },
    select: { id: true, taskId: true, state: true, tryNumber: true },
  });
  if (!ti) throw new TRPCError({ code: "NOT_FOUND", message: "Task instance not found" });

  const tryNumber = input.tryNumber ?? ti.tryNumber;
  const afterId = input.afterId === undefined ? undefined : BigInt(input.afterId);
  const rows = await db.taskLog.findMany({
    where: {
      taskInstanceId: ti.id,
      tryNumber,
      ...(afterId === undefined ? {} : { id: { gt: afterId } }),
    },
    orderBy: { id: "asc" },
    take: input.limit,
    select: { id: true, stream: true, content: true, createdAt: true },
  });
  const chunks = rows.map((r) => ({ id: r.id.toString(), stream: r.stream, content: r.content, createdAt: r.createdAt }));
  const hasMore = rows.length === input.limit;
  // An earlier try, or a try that never launched (0), can produce no more output.
  const tryDone = tryNumber < ti.tryNumber || tryNumber === 0 || isTaskFinished(ti.state) || (tryNumber === ti.tryNumber && ti.state === "UP_FOR_RETRY");
  return {
    taskId: ti.taskId,
    taskState: ti.state,
    tryNumber,
    chunks,
    nextCursor: chunks.at(-1)?.id ?? input.afterId ?? null,
    hasMore,
    finished: tryDone && !hasMore,
  };
}
