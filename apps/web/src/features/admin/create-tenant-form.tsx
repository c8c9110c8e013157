"use client";

import Link from "next/link";
import { useState } from "react";
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
    <form
      aria-labelledby="new-tenant-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ slug: slug.trim(), name: name.trim() });
      }}
    >
      <h2 id="new-tenant-heading" className="text-lg font-semibold">
        New tenant
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium text-slate-700">
          Slug
          <input
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            placeholder="data-team"
            required
            className="mt-1 block w-48 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
          />
        </label>
        <label className="block min-w-64 flex-1 text-sm font-medium text-slate-700">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Data Team"
            required
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={create.isPending || slug.trim() === "" || name.trim() === ""}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create tenant"}
        </button>
      </div>
      <p className="text-xs text-slate-500">
        The slug names the Kubernetes namespace (<span className="font-mono">updraft-&lt;slug&gt;</span>): lower-case letters,
        digits and hyphens. You become the tenant&apos;s owner; it starts with the default quota.
      </p>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {created ? (
        <p role="status" className="text-sm text-green-800">
          Created tenant <span className="font-mono">{created}</span>; its Kubernetes namespace will be provisioned.{" "}
          <Link href={`/t/${encodeURIComponent(created)}/dags`} className="text-sky-800 hover:underline">
            Open it
          </Link>
        </p>
      ) : null}
    </form>
  );
}
