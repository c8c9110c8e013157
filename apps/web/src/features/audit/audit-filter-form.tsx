"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { AUDIT_ACTION_SUGGESTIONS } from "./audit-actions";
import { auditCsvHref, auditFiltersProblem, NO_AUDIT_FILTERS, type AuditFilters } from "./audit-filters";

const input = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** Action, actor and date filters; "Export CSV" downloads exactly the filtered events. */
export function AuditFilterForm({
  tenantSlug,
  applied,
  onApply,
}: {
  tenantSlug: string;
  applied: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const filtered = Object.values(applied).some((v) => v.trim() !== "");

  return (
    <form
      aria-label="Audit log filters"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = auditFiltersProblem(draft);
        setError(problem);
        if (!problem) onApply(draft);
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium text-slate-700">
          Action
          <input value={draft.action} onChange={set("action")} list="audit-actions" placeholder="dag.upload or dag." className={`${input} w-56 font-mono`} />
          <datalist id="audit-actions">
            {AUDIT_ACTION_SUGGESTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Actor
          <input value={draft.actor} onChange={set("actor")} placeholder="e-mail or token name" className={`${input} w-56`} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          From
          <input type="date" value={draft.from} onChange={set("from")} className={input} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          To
          <input type="date" value={draft.to} onChange={set("to")} className={input} />
        </label>
        <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
          Apply filters
        </button>
        {filtered ? (
          <button
            type="button"
            onClick={() => {
              setDraft(NO_AUDIT_FILTERS);
              setError(null);
              onApply(NO_AUDIT_FILTERS);
            }}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50"
          >
            Clear
          </button>
        ) : null}
        <a
          href={auditCsvHref(tenantSlug, applied)}
          download
          className="ml-auto rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          Export CSV
        </a>
      </div>
      <p className="text-xs text-slate-500">
        Dates are whole UTC days; &quot;to&quot; includes its day. An action ending in &quot;.&quot; matches the whole area. The
        actor filter matches part of the e-mail or &quot;token &lt;name&gt;&quot;. The export holds the applied filters&apos; events.
      </p>
      <ErrorAlert error={error} />
    </form>
  );
}
