import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";
import { detailsText } from "./details-text";

type AuditEvent = RouterOutputs["audit"]["list"]["events"][number];

/** Audit events: when, who, action, target, IP and the event's details. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) {
    return <EmptyState>No events match.</EmptyState>;
  }
  return (
    <DataTable testId="audit-table" columns={["When", "Who", "Action", "Target", "IP", "Details"]}>
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
    </DataTable>
  );
}
