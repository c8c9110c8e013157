"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { SecondaryButton } from "@/components/secondary-button";
import { TextField } from "@/components/text-field";
import { AUDIT_ACTION_SUGGESTIONS } from "./audit-actions";
import { auditCsvHref, auditFiltersProblem, NO_AUDIT_FILTERS, type AuditFilters } from "./audit-filters";

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
  const set = (key: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
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
        <TextField
          label="Action"
          value={draft.action}
          onValueChange={set("action")}
          list="audit-actions"
          placeholder="dag.upload or dag."
          inputClassName="w-56 font-mono"
        >
          <datalist id="audit-actions">
            {AUDIT_ACTION_SUGGESTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </TextField>
        <TextField label="Actor" value={draft.actor} onValueChange={set("actor")} placeholder="e-mail or token name" inputClassName="w-56" />
        <TextField label="From" type="date" value={draft.from} onValueChange={set("from")} inputClassName="" />
        <TextField label="To" type="date" value={draft.to} onValueChange={set("to")} inputClassName="" />
        <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
          Apply filters
        </button>
        {filtered ? (
          <SecondaryButton
            onClick={() => {
              setDraft(NO_AUDIT_FILTERS);
              setError(null);
              onApply(NO_AUDIT_FILTERS);
            }}
          >
            Clear
          </SecondaryButton>
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
