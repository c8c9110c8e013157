"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** "Delete tenant?": the admin types the slug; the server checks it again. */
export function DeleteTenantDialog({ tenantId, slug, onClose }: { tenantId: string; slug: string; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const remove = trpc.platform.tenants.delete.useMutation({
    onMutate: () => setError(null),
    onSuccess: async () => {
      onClose();
      await Promise.all([utils.platform.tenants.list.invalidate(), utils.tenants.mine.invalidate()]);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const matches = typed.trim() === slug;
  const confirm = () => {
    if (matches) remove.mutate({ tenantId, confirmSlug: typed.trim() });
  };

  return (
    <ConfirmDialog
      title={`Delete tenant ${slug}?`}
      confirmLabel="Delete tenant"
      danger
      pending={remove.isPending}
      confirmDisabled={!matches}
      error={error}
      onCancel={onClose}
      onConfirm={confirm}
    >
      <p>
        This deletes every DAG, run and log of <span className="font-mono">{slug}</span>, its members&apos; access, and its
        Kubernetes namespace. It cannot be undone.
      </p>
      <label className="block font-medium">
        Type <span className="font-mono">{slug}</span> to confirm
        <input
          autoFocus
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") confirm();
          }}
          autoComplete="off"
          spellCheck={false}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
      </label>
    </ConfirmDialog>
  );
}
