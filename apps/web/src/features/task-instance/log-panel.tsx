"use client";

import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/lib/error-message";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type Chunk = RouterOutputs["logs"]["forTask"]["chunks"][number];

const STREAM_STYLES: Record<string, string> = {
  STDOUT: "text-slate-100",
  STDERR: "text-red-300",
  SYSTEM: "text-sky-300 italic",
};

const POLL_MS = 1_000;

/**
 * Streams one try of a task's output by polling `logs.forTask` with a cursor
 * every second until the try is finished, appending only new chunks.
 */
export function LogPanel({
  tenantSlug,
  taskInstanceId,
  taskId,
  tryNumber,
  maxTry,
  onTryChange,
  onClose,
}: {
  tenantSlug: string;
  taskInstanceId: string | null;
  taskId: string;
  tryNumber: number;
  /** With `onTryChange`: show a try picker for tries 1..maxTry. */
  maxTry?: number;
  onTryChange?: (tryNumber: number) => void;
  /** Shows a "Close log" button. */
  onClose?: () => void;
}) {
  const utils = trpc.useUtils();
  const [chunks, setChunks] = useState<Chunk[]>([]);
  const [status, setStatus] = useState<"idle" | "streaming" | "finished">("idle");
  const [error, setError] = useState<string | null>(null);
  const outputRef = useRef<HTMLPreElement>(null);
  const stickToBottom = useRef(true);

  useEffect(() => {
    setChunks([]);
    setError(null);
    if (!taskInstanceId || tryNumber === 0) {
      setStatus("idle");
      return;
    }
    setStatus("streaming");
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cursor: string | undefined;

    const poll = async () => {
      try {
        const page = await utils.client.logs.forTask.query({ tenantSlug, taskInstanceId, tryNumber, afterId: cursor });
        if (cancelled) return;
        setError(null);
        if (page.chunks.length > 0) setChunks((prev) => [...prev, ...page.chunks]);
        cursor = page.nextCursor ?? cursor;
        if (page.finished) {
          setStatus("finished");
          return;
        }
        timer = setTimeout(poll, page.hasMore ? 0 : POLL_MS);
      } catch (e) {
        if (cancelled) return;
        setError(errorMessage(e));
        timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [utils, tenantSlug, taskInstanceId, tryNumber]);

  useEffect(() => {
    const el = outputRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [chunks]);

  return (
    <section aria-labelledby="log-heading" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="log-heading" className="font-mono text-lg font-semibold">
          Log: {taskId}
        </h2>
        {onTryChange && maxTry !== undefined && maxTry > 1 ? (
          <label className="text-sm text-slate-600">
            Try{" "}
            <select
              value={tryNumber}
              onChange={(e) => onTryChange(Number(e.target.value))}
              className="rounded border border-slate-300 px-1 py-0.5"
            >
              {Array.from({ length: maxTry }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {!onTryChange && tryNumber > 0 ? <span className="text-sm text-slate-600">try {tryNumber}</span> : null}
        <span className="text-xs text-slate-500" data-log-status={status}>
          {status === "streaming" ? "streaming…" : status === "finished" ? "end of log" : "task has not started yet"}
        </span>
        {onClose ? (
          <button type="button" onClick={onClose} className="ml-auto rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">
            Close log
          </button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <pre
        ref={outputRef}
        data-testid="log-output"
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className="h-80 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap"
      >
        {chunks.length === 0 ? (
          <span className="text-slate-500">{status === "finished" ? "(no output)" : status === "idle" ? "" : "waiting for output…"}</span>
        ) : (
          chunks.map((c) => (
            <span key={c.id} data-stream={c.stream.toLowerCase()} className={STREAM_STYLES[c.stream] ?? STREAM_STYLES.STDOUT}>
              {c.content}
            </span>
          ))
        )}
      </pre>
    </section>
  );
}
