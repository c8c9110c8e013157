"use client";

import { FILE_SIZE_LIMIT_TEXT, MAX_FILE_BYTES } from "@updraft/dag/limits";
import { useState, type DragEvent } from "react";
import { errorMessage } from "@/lib/error-message";
import { trpc, type RouterOutputs } from "@/lib/trpc";

type UploadResult = RouterOutputs["dags"]["upload"];
type Outcome = { kind: "result"; result: UploadResult } | { kind: "error"; message: string } | null;


/**
 * "Upload DAG": choose a file, drop one on the panel, or paste the source.
 * A chosen or dropped file is uploaded right away and also loaded into the
 * editor, so a rejected file can be fixed in place and uploaded again.
 */
export function UploadPanel({ tenantSlug, source, onSourceChange }: { tenantSlug: string; source: string; onSourceChange: (s: string) => void }) {
  const utils = trpc.useUtils();
  const [fileName, setFileName] = useState("dag.yaml");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [dragging, setDragging] = useState(false);
  const upload = trpc.dags.upload.useMutation({
    onMutate: () => setOutcome(null),
    onSuccess: async (result) => {
      setOutcome({ kind: "result", result });
      if (result.ok) await utils.dags.list.invalidate({ tenantSlug });
    },
    onError: (error) => setOutcome({ kind: "error", message: errorMessage(error) }),
  });

  function send(name: string, text: string) {
    upload.mutate({ tenantSlug, fileName: name, source: text });
  }

  async function takeFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({ kind: "error", message: `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MiB; DAG files are limited to ${FILE_SIZE_LIMIT_TEXT}.` });
      return;
    }
    const text = await file.text();
    setFileName(file.name);
    onSourceChange(text);
    send(file.name, text);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    void takeFile(event.dataTransfer.files[0]);
  }

  return (
    <section
      aria-labelledby="upload-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="upload-panel"
      className={`rounded-xl border-2 border-dashed bg-white p-5 transition-colors ${dragging ? "border-sky-500 bg-sky-50" : "border-slate-300"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="upload-heading" className="text-lg font-semibold">
            Upload DAG
          </h2>
          <p className="text-sm text-slate-500">Drop a .yaml, .yml or .json file here, choose one, or paste the source below.</p>
        </div>
        <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium shadow-sm hover:bg-slate-50 focus-within:ring-2 focus-within:ring-sky-300">
          Choose file
          <input
            type="file"
            accept=".yaml,.yml,.json"
            className="sr-only"
            onChange={(e) => {
              void takeFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </label>
      </div>

      <form
        className="mt-4 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          send(fileName, source);
        }}
      >
        <div>
          <label htmlFor="dag-source" className="block text-sm font-medium text-slate-700">
            DAG source
          </label>
          <textarea
            id="dag-source"
            value={source}
            onChange={(e) => onSourceChange(e.target.value)}
            rows={10}
            spellCheck={false}
            placeholder={"dag_id: my_dag\ntasks:\n  - task_id: hello\n    command: [echo, hello]"}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-200 focus:outline-none"
          />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="dag-file-name" className="block text-sm font-medium text-slate-700">
              File name
            </label>
            <input
              id="dag-file-name"
              value={fileName}
              onChange={(e) => setFileName(e.target.value)}
              className="mt-1 block w-56 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-200 focus:outline-none"
            />
          </div>
          <button
            type="submit"
            disabled={upload.isPending || source.trim() === ""}
            className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {upload.isPending ? "Uploading…" : "Upload"}
          </button>
        </div>
      </form>

      <UploadOutcome outcome={outcome} />
    </section>
  );
}

function UploadOutcome({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  if (outcome.kind === "result" && outcome.result.ok) {
    const r = outcome.result;
    return (
      <p role="status" className="mt-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
        Stored {r.dagId} version {r.version}
        {r.unchanged ? " (unchanged: identical to the current version)" : ""}
      </p>
    );
  }
  const messages = outcome.kind === "error" ? [outcome.message] : outcome.result.ok ? [] : outcome.result.errors.map((e) => e.formatted);
  return (
    <div role="alert" aria-labelledby="upload-rejected-heading" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <h3 id="upload-rejected-heading" className="font-semibold">
        Upload rejected
      </h3>
      <p className="mb-1 text-red-800">Nothing was stored. Fix {messages.length === 1 ? "this problem" : `these ${messages.length} problems`} and upload again:</p>
      <ul className="list-disc space-y-1 pl-5 font-mono text-xs">
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
