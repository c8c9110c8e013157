"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { SubmitButton } from "@/components/submit-button";
import { SuccessMessage } from "@/components/success-message";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";

/** "New tenant": slug and name; the admin who creates it becomes its owner. */
export function CreateTenantForm() {
  const utils = trpc.useUtils();
  const [slug, setSlug] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const create = trpc.platform.tenants.create.useMutation({
    onMutate: () => {
      setError(null);
      setCreated(null);
    },
    onSuccess: async (tenant) => {
      setCreated(tenant.slug);
      setSlug("");
      setName("");
      await Promise.all([utils.platform.tenants.list.invalidate(), utils.tenants.mine.invalidate()]);
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <FormCard headingId="new-tenant-heading" heading="New tenant" onSubmit={() => create.mutate({ slug: slug.trim(), name: name.trim() })}>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Slug"
          value={slug}
          onValueChange={setSlug}
          placeholder="data-team"
          required
          inputClassName="w-48 font-mono"
        />
        <TextField
          label="Name"
          className="min-w-64 flex-1"
          value={name}
          onValueChange={setName}
          placeholder="Data Team"
          required
        />
        <SubmitButton pending={create.isPending} pendingLabel="Creating…" disabled={slug.trim() === "" || name.trim() === ""}>
          Create tenant
        </SubmitButton>
      </div>
      <p className="text-xs text-slate-500">
        The slug names the Kubernetes namespace (<span className="font-mono">updraft-&lt;slug&gt;</span>): lower-case letters,
        digits and hyphens. You become the tenant&apos;s owner; it starts with the default quota.
      </p>
      <ErrorAlert error={error} />
      {created ? (
        <SuccessMessage>
          Created tenant <span className="font-mono">{created}</span>; its Kubernetes namespace will be provisioned.{" "}
          <Link href={`/t/${encodeURIComponent(created)}/dags`} className="text-sky-800 hover:underline">
            Open it
          </Link>
        </SuccessMessage>
      ) : null}
    </FormCard>
  );
}
