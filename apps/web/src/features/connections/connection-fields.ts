import type { RouterOutputs } from "@/lib/trpc";

/** A connection as the API lists it (never its password). */
type StoredConnection = RouterOutputs["connections"]["list"][number];

/** What the connection form holds while the user types (all text, as in the inputs). */
export interface ConnectionFields {
  connId: string;
  connType: string;
  description: string;
  host: string;
  port: string;
  login: string;
  schema: string;
  /** JSON object text; the server parses it and explains mistakes. */
  extra: string;
}

export const EMPTY_CONNECTION_FIELDS: ConnectionFields = {
  connId: "",
  connType: "",
  description: "",
  host: "",
  port: "",
  login: "",
  schema: "",
  extra: "",
};

/**
 * The password control: "keep" leaves the stored one alone (or none), "set"
 * sends a new one (set on a connection without one, replace otherwise),
 * "clear" removes it.
 */
export type PasswordAction = "keep" | "set" | "clear";

/** The non-secret fields as the API takes them: "" becomes null (none), the port a number. */
export interface ConnectionValues {
  connId: string;
  connType: string;
  description: string | null;
  host: string | null;
  port: number | null;
  login: string | null;
  schema: string | null;
  extra: string | null;
}

/**
 * The form's text as API values, or what is wrong with the port (the only
 * field that must change type here; the server checks every field and
 * explains a bad id, type or extra).
 */
export function connectionValues(fields: ConnectionFields): { ok: true; value: ConnectionValues } | { ok: false; error: string } {
  let port: number | null = null;
  const portText = fields.port.trim();
  if (portText !== "") {
    port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
      return { ok: false, error: `The port must be a number from 1 to 65535, e.g. 5432; got "${portText}".` };
    }
  }
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    ok: true,
    value: {
      connId: fields.connId.trim(),
      connType: fields.connType.trim(),
      description: text(fields.description),
      host: text(fields.host),
      port,
      // Logins may carry meaningful spaces; only an empty one means none.
      login: fields.login === "" ? null : fields.login,
      schema: text(fields.schema),
      extra: text(fields.extra),
    },
  };
}

/** The form filled from a stored connection (extra pretty-printed). */
export function connectionFieldsFrom(
  connection: Pick<StoredConnection, "connId" | "connType" | "description" | "host" | "port" | "login" | "schema" | "extra">,
): ConnectionFields {
  const hasExtra = connection.extra !== null && Object.keys(connection.extra).length > 0;
  return {
    connId: connection.connId,
    connType: connection.connType,
    description: connection.description ?? "",
    host: connection.host ?? "",
    port: connection.port === null ? "" : String(connection.port),
    login: connection.login ?? "",
    schema: connection.schema ?? "",
    extra: hasExtra ? JSON.stringify(connection.extra, null, 2) : "",
  };
}
