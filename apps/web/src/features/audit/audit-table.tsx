import { formatDateTime } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";
import { detailsText } from "./details-text";

type AuditEvent = RouterOutputs["audit"]["list"]["events"][number];

/** Audit events: when, who, action, target, IP and the event's details. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No events match.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">When</th>
            <th scope="col" className="px-4 py-2">Who</th>
            <th scope="col" className="px-4 py-2">Action</th>
            <th scope="col" className="px-4 py-2">Target</th>
            <th scope="col" className="px-4 py-2">IP</th>
            <th scope="col" className="px-4 py-2">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} data-action={event.action} className="align-top">
              <td className="px-4 py-2 whitespace-nowrap text-slate-600">{formatDateTime(event.createdAt)}</td>
              <td className="px-4 py-2">{event.actorLabel}</td>
              <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
              <td className="px-4 py-2">
                {event.target ? (
                  <>
                    {event.targetType ? <span className="text-xs text-slate-400">{event.targetType} </span> : null}
                    <span className="font-mono text-xs">{event.target}</span>
                  </>
                ) : (
                  <span className="text-slate-300">—</span>
                )}
              </td>
              <td className="px-4 py-2 font-mono text-xs text-slate-600">{event.ip ?? "—"}</td>
              <td className="max-w-md px-4 py-2 font-mono text-[11px] break-all text-slate-500">{detailsText(event.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
