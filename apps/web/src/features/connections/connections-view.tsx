"use client";

import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { RoleHint } from "@/components/role-hint";
import { SuccessMessage } from "@/components/success-message";
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
      <PageHeader title="Connections">
        A task that lists a connection (<code className="font-mono">connections: [warehouse]</code> in the DAG file) gets its
        URI, password included, in <span className="font-mono">UPDRAFT_CONN_WAREHOUSE</span> and{" "}
        <span className="font-mono">AIRFLOW_CONN_WAREHOUSE</span>. Passwords are encrypted at rest, masked as{" "}
        <span className="font-mono">***</span> in task logs, and never shown again after saving.
      </PageHeader>
      <ErrorAlert error={connections.error} />
      {connections.isPending ? <p className="text-slate-500">Loading connections…</p> : null}
      {connections.data && connections.data.length === 0 ? (
        <EmptyState>No connections yet.{canEdit ? " Create one below, or paste an Airflow connection URI." : ""}</EmptyState>
      ) : null}
      {connections.data && connections.data.length > 0 ? (
        <DataTable
          testId="connections-table"
          columns={[
            "Conn id",
            "Type",
            "Host",
            "Port",
            "Login",
            "Schema",
            "Password",
            "Description",
            { label: "Actions", hidden: true },
          ]}
          headerPadding="px-3 py-2"
        >
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
        </DataTable>
      ) : null}
      {notice ? <SuccessMessage testId="connections-notice">{notice}</SuccessMessage> : null}
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
