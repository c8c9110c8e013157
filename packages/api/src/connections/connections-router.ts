import { z } from "zod";
import { createConnection, deleteConnection, getConnection, importConnectionUri, listConnections, updateConnection } from "@updraft/platform";
import { inputField, type AuditInput } from "../trpc/procedure-meta";
import { roleAtLeast } from "@updraft/domain/roles";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";
import { connIdInput, createConnectionInput, importConnectionInput, updateConnectionInput } from "./connection-inputs";

/** Only Admins (and Owners) set or clear connection passwords; Authors edit the other fields. */
const canSetSecrets = (role: Parameters<typeof roleAtLeast>[0]) => roleAtLeast(role, "ADMIN");

/** Which fields an edit touched (names only, never values; an empty password field keeps the password). */
function changedFields(input: AuditInput): Record<string, unknown> {
  const changes = input.changes;
  if (changes === null || typeof changes !== "object") return {};
  const touched = Object.entries(changes as Record<string, unknown>).filter(
    ([field, value]) => value !== undefined && !(field === "password" && value === ""),
  );
  return { fields: touched.map(([field]) => field).sort() };
}

const target = inputField("connId");

export const connectionsRouter = router({
  /** The tenant's connections: never their passwords (hasPassword, passwordUpdatedAt). */
  list: tenantProcedure("VIEWER").query(({ ctx }) => listConnections(ctx.db, ctx.keyring, { tenantId: ctx.tenant.id })),

  /** One connection, without its password. */
  get: tenantProcedure("VIEWER")
    .input(z.object({ connId: connIdInput }))
    .query(({ ctx, input }) => getConnection(ctx.db, ctx.keyring, { tenantId: ctx.tenant.id, connId: input.connId })),

  /** Creates a connection; with a password only for Admins. */
  create: tenantProcedure("AUTHOR")
    .meta({
      audit: {
        action: "connection.create",
        targetType: "connection",
        target,
        details: (_input, result) => ({ hasPassword: (result as { hasPassword?: boolean } | null)?.hasPassword ?? false }),
      },
    })
    .input(createConnectionInput)
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _tenantSlug, ...connection } = input;
      return createConnection(ctx.db, ctx.keyring, {
        tenantId: ctx.tenant.id,
        canSetSecrets: canSetSecrets(ctx.membership.role),
        connection,
      });
    }),

  /** Creates a connection from an Airflow URI (postgres://user:p%40ss@host:5432/db?sslmode=require). */
  importUri: tenantProcedure("AUTHOR")
    .meta({
      audit: {
        action: "connection.create",
        targetType: "connection",
        target,
        details: (_input, result) => ({ fromUri: true, hasPassword: (result as { hasPassword?: boolean } | null)?.hasPassword ?? false }),
      },
    })
    .input(importConnectionInput)
    .mutation(({ ctx, input }) =>
      importConnectionUri(ctx.db, ctx.keyring, {
        tenantId: ctx.tenant.id,
        connId: input.connId,
        uri: input.uri,
        description: input.description,
        canSetSecrets: canSetSecrets(ctx.membership.role),
      }),
    ),

  /** Edits a connection: undefined keeps a field, null clears it; setting or clearing the password needs ADMIN. */
  update: tenantProcedure("AUTHOR")
    .meta({ audit: { action: "connection.update", targetType: "connection", target, details: changedFields } })
    .input(updateConnectionInput)
    .mutation(({ ctx, input }) =>
      updateConnection(ctx.db, ctx.keyring, {
        tenantId: ctx.tenant.id,
        connId: input.connId,
        canSetSecrets: canSetSecrets(ctx.membership.role),
        changes: input.changes,
      }),
    ),

  /** Deletes a connection (one with a password only for Admins). */
  delete: tenantProcedure("AUTHOR")
    .meta({ audit: { action: "connection.delete", targetType: "connection", target } })
    .input(z.object({ connId: connIdInput }))
    .mutation(async ({ ctx, input }) => {
      await deleteConnection(ctx.db, { tenantId: ctx.tenant.id, connId: input.connId, canSetSecrets: canSetSecrets(ctx.membership.role) });
      return { connId: input.connId };
    }),
});
