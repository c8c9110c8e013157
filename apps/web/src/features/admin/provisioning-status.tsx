"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { formatRelativeTime } from "@/lib/format-relative-time";
import { trpc } from "@/lib/trpc";

/** The tenant's Kubernetes namespace: provisioned when, still pending, or what went wrong; and "Re-provision". */
export function ProvisioningStatus({
  tenantId,
  slug,
  provisionedAt,
  provisionError,
}: {
  tenantId: string;
  slug: string;
  provisionedAt: Date | null;
  provisionError: string | null;
}) {
  const utils = trpc.useUtils();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const reprovision = trpc.platform.tenants.reprovision.useMutation({
    onMutate: () => setNote(null),
    onSuccess: async () => {
      setNote({ ok: true, text: "Re-provisioning queued." });
      await utils.platform.tenants.list.invalidate();
    },
    onError: (e) => setNote({ ok: false, text: errorMessage(e) }),
  });

  return (
    <div className="space-y-1 text-xs" data-testid="provisioning-status">
      {provisionError ? (
        <p className="max-w-56 text-red-700" data-provisioning="failed">
          <span className="font-medium">Failed:</span> {provisionError}
        </p>
      ) : provisionedAt ? (
        <p className="text-green-800" data-provisioning="provisioned" title={formatDateTime(provisionedAt)}>
          Provisioned {formatRelativeTime(provisionedAt)}
        </p>
      ) : (
        <p
          className="text-amber-800"
          data-provisioning="pending"
          title="A scheduler running the Kubernetes executor (UPDRAFT_EXECUTOR=kubernetes) provisions the namespace."
        >
          Pending
        </p>
      )}
      <button
        type="button"
        disabled={reprovision.isPending}
        onClick={() => reprovision.mutate({ tenantId })}
        aria-label={`Re-provision ${slug}`}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60"
      >
        {reprovision.isPending ? "Queuing…" : "Re-provision"}
      </button>
      {note ? (
        <p role={note.ok ? "status" : "alert"} className={note.ok ? "text-green-800" : "text-red-700"}>
          {note.text}
        </p>
      ) : null}
    </div>
  );
}
