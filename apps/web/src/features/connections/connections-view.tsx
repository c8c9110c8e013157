"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { RoleHint } from "@/components/role-hint";
import { roleAtLeast, roleLabel } from "@/lib/roles";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { useTenantRole } from "../tenants/use-tenant-role";
import { ConnectionForm } from "./connection-form";
import { ConnectionRow } from "./connection-row";
import { ImportUriForm } from "./import-uri-form";

type Connection = RouterOutputs["connections"]["list"][number];

/**
 * Airflow-style connections of the tenant. Everyone reads the list (never a
 * password); Authors create and edit them; only Admins set, replace or clear
 * passwords.
 */
export function ConnectionsView({ tenantSlug }: { tenantSlug: string }) {
  const role = useTenantRole(tenantSlug);
  const connections = trpc.connections.list.useQuery({ tenantSlug });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editing = connections.data?.find((c) => c.connId === editingId) ?? null;
  const canEdit = roleAtLeast(role, "AUTHOR");
  const canSetPassword = roleAtLeast(role, "ADMIN");

  const edit = (connection: Connection) => {
    setEditingId(connection.connId);
    setNotice(null);
    requestAnimationFrame(() => document.getElementById("connection-form")?.scrollIntoView({ behavior: "smooth", block: "start" }));
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Connections</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          A task that lists a connection (<code className="font-mono">connections: [warehouse]</code> in the DAG file) gets its
          URI, password included, in <span className="font-mono">UPDRAFT_CONN_WAREHOUSE</span> and{" "}
          <span className="font-mono">AIRFLOW_CONN_WAREHOUSE</span>. Passwords are encrypted at rest, masked as{" "}
          <span className="font-mono">***</span> in task logs, and never shown again after saving.
        </p>
      </div>
      <ErrorAlert error={connections.error} />
      {connections.isPending ? <p className="text-slate-500">Loading connections…</p> : null}
      {connections.data && connections.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No connections yet.{canEdit ? " Create one below, or paste an Airflow connection URI." : ""}
        </p>
      ) : null}
      {connections.data && connections.data.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="connections-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">Conn id</th>
                <th scope="col" className="px-3 py-2">Type</th>
                <th scope="col" className="px-3 py-2">Host</th>
                <th scope="col" className="px-3 py-2">Port</th>
                <th scope="col" className="px-3 py-2">Login</th>
                <th scope="col" className="px-3 py-2">Schema</th>
                <th scope="col" className="px-3 py-2">Password</th>
                <th scope="col" className="px-3 py-2">Description</th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {connections.data.map((connection) => (
                <ConnectionRow
                  key={connection.connId}
                  tenantSlug={tenantSlug}
                  connection={connection}
                  canEdit={canEdit}
                  canSetPassword={canSetPassword}
                  editing={editingId === connection.connId}
                  onEdit={() => edit(connection)}
                  onDeleted={() => {
                    setNotice(`Deleted ${connection.connId}.`);
                    setEditingId((current) => (current === connection.connId ? null : current));
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-green-800" data-testid="connections-notice">
          {notice}
        </p>
      ) : null}
      {canEdit ? (
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <ConnectionForm
            key={editing?.connId ?? "new"}
            tenantSlug={tenantSlug}
            editing={editing}
            canSetPassword={canSetPassword}
            onSaved={(message) => {
              setNotice(message);
              setEditingId(null);
            }}
            onCancel={() => setEditingId(null)}
          />
          <ImportUriForm tenantSlug={tenantSlug} canSetPassword={canSetPassword} />
        </div>
      ) : role ? (
        <RoleHint>
          Only authors, admins and owners can create or edit connections; your role is {roleLabel(role)}. You can copy a
          connection&apos;s URI (without its password).
        </RoleHint>
      ) : null}
    </div>
  );
}
