import { EXAMPLE_DAG_YAML } from "./example-dag";

/** Shown when the tenant has no DAGs: how to upload, with a tiny example. */
export function EmptyDags({ onUseExample }: { onUseExample: () => void }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6">
      <h2 className="text-lg font-semibold">No DAGs yet</h2>
      <p className="mt-1 text-sm text-slate-600">
        A DAG is a YAML (or JSON) file listing tasks and how they depend on each other. Upload one with the panel
        above: choose a file, drop it on the panel, or paste it into the editor and press Upload. This one says hello
        every day:
      </p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-4 font-mono text-xs text-slate-100">{EXAMPLE_DAG_YAML}</pre>
      <button
        type="button"
        onClick={onUseExample}
        className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        Use this example
      </button>
      <p className="mt-4 text-xs text-slate-500">
        Editors that speak JSON Schema (VS Code&apos;s YAML extension, JetBrains) can autocomplete and check DAG files: add{" "}
        <code className="font-mono"># yaml-language-server: $schema=&lt;this site&gt;/api/v1/dag-file-schema.json</code>{" "}
        as a file&apos;s first line, or fetch the{" "}
        <a className="underline" href="/api/v1/dag-file-schema.json">
          DAG file schema
        </a>
        .
      </p>
    </div>
  );
}
