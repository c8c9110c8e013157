import { TRPCError } from "@trpc/server";
import { Prisma, type DbOrTx, type LogStream, type TaskState } from "@updraft/db";
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

interface TaskLogRow {
  taskId: string;
  state: TaskState;
  currentTry: number;
  /** [id as text, stream, content, created_at as ISO text] per chunk, in id order (json: parsed or text). */
  chunks: Array<[string, LogStream, string, string]> | string;
}

/**
 * Log chunks of one try of a task instance, strictly after the cursor, in
 * arrival order. The instance's state and the chunks come from ONE statement,
 * i.e. one snapshot: the executor writes output before it records the outcome,
 * so "finished" can never hide a chunk that was still on its way. The chunks
 * arrive as one json value (one cell to decode instead of four per chunk).
 */
export async function readTaskLog(
  db: DbOrTx,
  input: { tenantId: string; taskInstanceId: string; tryNumber?: number; afterId?: string; limit: number },
): Promise<TaskLogPage> {
  const afterId = input.afterId === undefined ? null : BigInt(input.afterId);
  const [ti] = await db.$queryRaw<TaskLogRow[]>(Prisma.sql`
    SELECT ti.task_id AS "taskId", ti.state::text AS state, ti.try_number AS "currentTry",
           (SELECT coalesce(json_agg(json_build_array(l.id::text, l.stream, l.content, l.created_at) ORDER BY l.id), '[]'::json)
              FROM (SELECT tl.id, tl.stream, tl.content, tl.created_at
                      FROM task_logs tl
                     WHERE tl.task_instance_id = ti.id
                       AND tl.try_number = coalesce(${input.tryNumber ?? null}::int, ti.try_number)
                       AND (${afterId}::bigint IS NULL OR tl.id > ${afterId}::bigint)
                     ORDER BY tl.id
                     LIMIT ${input.limit}::int) l) AS chunks
      FROM task_instances ti
     WHERE ti.id = ${input.taskInstanceId}::uuid AND ti.tenant_id = ${input.tenantId}::uuid`);
  if (!ti) throw new TRPCError({ code: "NOT_FOUND", message: "Task instance not found" });

  const tryNumber = input.tryNumber ?? ti.currentTry;
  const raw = typeof ti.chunks === "string" ? (JSON.parse(ti.chunks) as Exclude<TaskLogRow["chunks"], string>) : ti.chunks;
  const chunks: LogChunk[] = raw.map(([id, stream, content, createdAt]) => ({ id, stream, content, createdAt: new Date(createdAt) }));
  const hasMore = chunks.length === input.limit;
  // An earlier try, or a try that never launched (0), can produce no more output.
  const tryDone =
    tryNumber < ti.currentTry || tryNumber === 0 || isTaskFinished(ti.state) || (tryNumber === ti.currentTry && ti.state === "UP_FOR_RETRY");
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
