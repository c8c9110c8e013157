import type { Connection } from "@updraft/db";
import { decryptColumn } from "../secrets/decrypt-column";
import type { SecretKeyring } from "../secrets/secret-keyring";
import { connectionToUri } from "./connection-uri";
import { connectionEnvNames } from "./names";

/** A connection as anyone may see it: never its password, only whether it has one and since when. */
export interface ConnectionView {
  connId: string;
  connType: string;
  description: string | null;
  host: string | null;
  port: number | null;
  login: string | null;
  schema: string | null;
  /** Configuration (encrypted at rest, but shown). */
  extra: Record<string, unknown> | null;
  hasPassword: boolean;
  passwordUpdatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The Airflow URI with the password written as *** . */
  uri: string;
  /** Where tasks find the full URI: UPDRAFT_CONN_<ID> and AIRFLOW_CONN_<ID>. */
  envNames: string[];
}

export function decryptExtra(keyring: SecretKeyring, row: Pick<Connection, "tenantId" | "connId" | "extraEncrypted">): Record<string, unknown> | null {
  if (row.extraEncrypted === null) return null;
  const json = decryptColumn(keyring, row.extraEncrypted, { tenantId: row.tenantId, kind: "connection.extra", name: row.connId });
  return JSON.parse(json) as Record<string, unknown>;
}

export function toConnectionView(keyring: SecretKeyring, row: Connection): ConnectionView {
  const extra = decryptExtra(keyring, row);
  const hasPassword = row.passwordEncrypted !== null;
  return {
    connId: row.connId,
    connType: row.connType,
    description: row.description,
    host: row.host,
    port: row.port,
    login: row.login,
    schema: row.schema,
    extra,
    hasPassword,
    passwordUpdatedAt: row.passwordUpdatedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    uri: connectionToUri({ ...row, extra, hasPassword }, "redacted"),
    envNames: connectionEnvNames(row.connId),
  };
}
