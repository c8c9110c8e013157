"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** "Accept": the signed-in user with the invited e-mail joins, then lands on the tenant's DAGs. */
export function AcceptAsSignedIn({ token, tenantName }: { token: string; tenantName: string }) {
  const utils = trpc.useUtils();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const accept = trpc.invitations.accept.useMutation({
    onMutate: () => setError(null),
    onSuccess: async (accepted) => {
      await utils.tenants.mine.invalidate();
      router.push(`/t/${encodeURIComponent(accepted.tenantSlug)}/dags`);
    },
    onError: (e) => {
      setError(errorMessage(e));
      void utils.invitations.inspect.invalidate({ token });
    },
  });
  return (
    <div className="space-y-3">
      <button
        type="button"
        disabled={accept.isPending || accept.isSuccess}
        onClick={() => accept.mutate({ token })}
        className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {accept.isPending || accept.isSuccess ? "Joining…" : `Accept and join ${tenantName}`}
      </button>
      <ErrorAlert error={error} />
    </div>
  );
}
