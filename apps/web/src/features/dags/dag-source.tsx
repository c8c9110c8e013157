import { formatDateTime } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";

type Dag = RouterOutputs["dags"]["get"];

/** The current version's file, and every version. */
export function DagSource({ dag }: { dag: Dag }) {
  if (!dag.currentVersion) return <p className="text-slate-500">No version stored.</p>;
  return (
    <div className="space-y-6">
      <section aria-labelledby="source-heading" className="space-y-3">
        <h2 id="source-heading" className="text-lg font-semibold">
          Source <span className="font-normal text-slate-500">— {dag.currentVersion.fileName}, version {dag.currentVersion.version}</span>
        </h2>
        <pre className="max-h-[32rem] overflow-auto rounded-xl bg-slate-900 p-4 font-mono text-xs text-slate-100">{dag.currentVersion.sourceText}</pre>
      </section>
      <section aria-labelledby="versions-heading" className="space-y-2">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
          {dag.versions.map((v) => (
            <li key={v.version} className="flex flex-wrap gap-x-4 px-4 py-2">
              <span className="font-medium">v{v.version}</span>
              <span className="font-mono text-xs text-slate-600">{v.fileName}</span>
              <span className="text-xs text-slate-500">{formatDateTime(v.createdAt)}</span>
              <span className="text-xs text-slate-500">{v.createdBy ?? "unknown uploader"}</span>
              <code className="ml-auto text-xs text-slate-400">{v.sha256.slice(0, 12)}</code>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
