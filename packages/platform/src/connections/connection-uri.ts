import { UserError } from "@updraft/engine";

/** A connection's fields as an Airflow URI carries them. */
export interface ConnectionUriFields {
  connType: string;
  host: string | null;
  port: number | null;
  login: string | null;
  password: string | null;
  schema: string | null;
  extra: Record<string, unknown> | null;
}

const EXAMPLE = "postgres://user:password@host:5432/database?sslmode=require";
const EXTRA_KEY = "__extra__";
export const REDACTED_PASSWORD = "***";

function invalid(problem: string): UserError {
  return new UserError(`This is not a valid connection URI: ${problem}. Write it like ${EXAMPLE} (percent-encode special characters, e.g. @ as %40).`);
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalid(`the ${what} has a broken percent-encoding (a % must be followed by two hex digits; write a literal % as %25)`);
  }
}

/** Airflow's conn_type normalisation: postgresql → postgres, "-" → "_". */
function normalizeConnType(scheme: string): string {
  const lower = scheme.toLowerCase();
  return lower === "postgresql" ? "postgres" : lower.replaceAll("-", "_");
}

/**
 * Parses an Airflow connection URI
 * (`postgres://user:p%40ss@host:5432/db?sslmode=require`) the way Airflow
 * does: percent-decoding, `scheme://protocol://host` hosts, the `__extra__`
 * query parameter (a JSON object); other query parameters become extra keys.
 * Throws a UserError saying what is wrong.
 */
export function parseConnectionUri(uri: string): ConnectionUriFields {
  const text = uri.trim();
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s.exec(text);
  if (!schemeMatch) throw invalid("it must start with a connection type and ://");
  const connType = normalizeConnType(schemeMatch[1] ?? "");
  let rest = schemeMatch[2] ?? "";
  if (text.split("://").length - 1 > 2) throw invalid("it contains :// more than twice");
  if (/\s/.test(rest)) throw invalid("it contains spaces (write them as %20)");

  let protocol: string | null = null;
  const inner = rest.indexOf("://");
  if (inner >= 0) {
    protocol = rest.slice(0, inner);
    if (protocol.includes("@") || protocol.includes(":") || protocol.includes("/")) {
      throw invalid("only the host may carry a second scheme, as in http://https://example.com");
    }
    rest = rest.slice(inner + 3);
  }

  const hashAt = rest.indexOf("#");
  if (hashAt >= 0) throw invalid("it contains # (in a password write it as %23)");
  const queryAt = rest.indexOf("?");
  const query = queryAt >= 0 ? rest.slice(queryAt + 1) : "";
  const beforeQuery = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const pathAt = beforeQuery.indexOf("/");
  const authority = pathAt >= 0 ? beforeQuery.slice(0, pathAt) : beforeQuery;
  const path = pathAt >= 0 ? beforeQuery.slice(pathAt + 1) : "";

  const at = authority.lastIndexOf("@");
  const userInfo = at >= 0 ? authority.slice(0, at) : null;
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;

  let login: string | null = null;
  let password: string | null = null;
  if (userInfo !== null) {
    const colon = userInfo.indexOf(":");
    login = decode(colon >= 0 ? userInfo.slice(0, colon) : userInfo, "login");
    password = colon >= 0 ? decode(userInfo.slice(colon + 1), "password") : null;
  }

  let hostPart = hostPort;
  let portPart: string | null = null;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) throw invalid("an IPv6 host opened with [ is never closed with ]");
    hostPart = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== "") {
      if (!after.startsWith(":")) throw invalid("unexpected text after the IPv6 host");
      portPart = after.slice(1);
    }
  } else {
    const colon = hostPort.lastIndexOf(":");
    if (colon >= 0) {
      hostPart = hostPort.slice(0, colon);
      portPart = hostPort.slice(colon + 1);
    }
  }
  let port: number | null = null;
  if (portPart !== null && portPart !== "") {
    if (!/^\d{1,5}$/.test(portPart) || Number(portPart) < 1 || Number(portPart) > 65535) {
      throw invalid(`the port "${portPart}" is not a number from 1 to 65535 (a password containing / ? # or @ must be percent-encoded)`);
    }
    port = Number(portPart);
  }
  const hostName = decode(hostPart, "host");
  const host = protocol && hostName ? `${protocol}://${hostName}` : hostName;

  const schema = decode(path, "schema (the path after the host)");

  return {
    connType,
    host: host === "" ? null : host,
    port,
    login: login === "" ? null : login,
    password: password === "" ? null : password,
    schema: schema === "" ? null : schema,
    extra: parseExtra(query),
  };
}

function parseExtra(query: string): Record<string, unknown> | null {
  if (query === "") return null;
  const extra: Record<string, unknown> = {};
  const params = new URLSearchParams(query);
  const embedded = params.get(EXTRA_KEY);
  if (embedded !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(embedded);
    } catch {
      throw invalid(`the ${EXTRA_KEY} query parameter is not valid JSON (it must be a URL-encoded JSON object)`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw invalid(`the ${EXTRA_KEY} query parameter must be a JSON object like {"key": "value"}`);
    }
    Object.assign(extra, parsed);
  }
  for (const [key, value] of params) {
    if (key === EXTRA_KEY) continue;
    if (embedded !== null && Object.hasOwn(extra, key)) {
      throw invalid(`"${key}" is given both inside ${EXTRA_KEY} and as a query parameter; keep one`);
    }
    extra[key] = value;
  }
  return Object.keys(extra).length === 0 ? null : extra;
}

/** Python's urllib.parse.quote(value, safe=""), which Airflow uses for URI parts. */
export function quoteUriPart(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Python's urllib.parse.urlencode (quote_plus). */
function urlencode(entries: [string, string][]): string {
  const plus = (s: string) => quoteUriPart(s).replaceAll("%20", "+");
  return entries.map(([k, v]) => `${plus(k)}=${plus(v)}`).join("&");
}

/**
 * Writes a connection as an Airflow URI (what Airflow's Connection.get_uri
 * produces, so AIRFLOW_CONN_* works in Airflow images). "redacted" writes
 * the password as `***` (when there is one); "full" writes it, for injection
 * into tasks only.
 */
export function connectionToUri(
  fields: Omit<ConnectionUriFields, "password"> & { password?: string | null; hasPassword?: boolean },
  mode: "redacted" | "full",
): string {
  const hasPassword = fields.hasPassword ?? (fields.password !== undefined && fields.password !== null);
  let password: string | null = null;
  if (hasPassword) {
    if (mode === "redacted") password = REDACTED_PASSWORD;
    else if (fields.password === undefined || fields.password === null) {
      throw new Error("connectionToUri(…, \"full\") needs the decrypted password");
    } else password = quoteUriPart(fields.password);
  }

  let uri = `${fields.connType.toLowerCase().replaceAll("_", "-")}://`;
  let host = fields.host ?? "";
  const protocolAt = host.indexOf("://");
  if (protocolAt >= 0) {
    uri += `${host.slice(0, protocolAt)}://`;
    host = host.slice(protocolAt + 3);
  }
  let authority = "";
  if (fields.login !== null) authority += quoteUriPart(fields.login);
  if (password !== null) authority += `:${password}`;
  if (authority !== "") uri += `${authority}@`;
  let hostBlock = host ? quoteUriPart(host) : "";
  if (fields.port) hostBlock += hostBlock === "" && authority === "" ? `@:${fields.port}` : `:${fields.port}`;
  if (fields.schema) hostBlock += `/${quoteUriPart(fields.schema)}`;
  uri += hostBlock;

  const extra = fields.extra ?? {};
  if (Object.keys(extra).length > 0) {
    const entries = Object.entries(extra);
    const query = entries.every((entry): entry is [string, string] => typeof entry[1] === "string")
      ? urlencode(entries)
      : urlencode([[EXTRA_KEY, JSON.stringify(extra)]]);
    uri += (fields.schema ? "?" : "/?") + query;
  }
  return uri;
}
