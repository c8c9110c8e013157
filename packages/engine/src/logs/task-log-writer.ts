import type { Db, LogStream } from "@updraft/db";

interface PendingChunk {
  taskInstanceId: string;
  tryNumber: number;
  stream: LogStream;
  content: string;
}

export interface TaskLogWriter {
  append(taskInstanceId: string, tryNumber: number, stream: LogStream, text: string): void;
  /** Writes everything buffered so far; resolves once it is stored. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Buffers task output and stores it in `task_logs` every `flushIntervalMs`
 * (or sooner when `maxBufferedChars` is reached), merging consecutive chunks
 * of the same stream, so a chatty task costs a few inserts per second.
 */
export function createTaskLogWriter(
  db: Db,
  options: { flushIntervalMs?: number; maxBufferedChars?: number; onError?: (err: unknown) => void } = {},
): TaskLogWriter {
  const flushIntervalMs = options.flushIntervalMs ?? 200;
  const maxBufferedChars = options.maxBufferedChars ?? 256 * 1024;
  let pending: PendingChunk[] = [];
  let bufferedChars = 0;
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const batch = pending;
    pending = [];
    bufferedChars = 0;
    writing = writing.then(async () => {
      if (batch.length === 0) return;
      try {
        await db.taskLog.createMany({ data: batch });
      } catch (err) {
        options.onError?.(err);
      }
    });
    return writing;
  };

  return {
    append(taskInstanceId, tryNumber, stream, text) {
      if (text.length === 0) return;
      // Postgres text cannot hold NUL bytes.
      const content = text.replaceAll("\u0000", "\uFFFD");
      const last = pending.at(-1);
      if (last && last.taskInstanceId === taskInstanceId && last.tryNumber === tryNumber && last.stream === stream) {
        last.content += content;
      } else {
        pending.push({ taskInstanceId, tryNumber, stream, content });
      }
      bufferedChars += content.length;
      if (bufferedChars >= maxBufferedChars) void flush();
      else if (!timer) timer = setTimeout(() => void flush(), flushIntervalMs);
    },
    flush,
    close: flush,
  };
}
