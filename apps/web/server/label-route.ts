/**
 * Turns a request path into the bounded `route` label of the HTTP metrics:
 * the app route pattern it hit ("/t/[slug]/dags/[dagId]"), one label per tRPC
 * procedure ("/api/trpc/runs.list"), fixed labels for Next's assets, and
 * "other" for everything else, so a scan of random URLs cannot grow the
 * number of time series.
 */
export type RouteLabeller = (pathname: string, status: number) => string;

type Segment = { kind: "static"; text: string } | { kind: "dynamic" } | { kind: "catchAll" } | { kind: "optionalCatchAll" };

interface Pattern {
  label: string;
  segments: Segment[];
}

/** Routes the Node server answers itself, before Next. */
const OWN_ROUTES = new Set(["/healthz", "/readyz"]);
const TRPC_PREFIX = "/api/trpc/";
const TRPC_PATTERN = "/api/trpc/[trpc]";
/** A tRPC procedure path: dotted identifiers, as the routers name them. */
const TRPC_PROCEDURE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*){0,4}$/;
const MAX_PROCEDURE_LENGTH = 80;

/** Rank of a segment kind: lower is more specific (static beats dynamic beats catch-all), as Next matches. */
const RANK: Record<Segment["kind"], number> = { static: 0, dynamic: 1, catchAll: 2, optionalCatchAll: 3 };

function parsePattern(pattern: string): Pattern {
  const segments: Segment[] = pattern
    .split("/")
    .filter((part) => part !== "" && !part.startsWith("(") && !part.startsWith("@"))
    .map((part): Segment => {
      if (part.startsWith("[[...")) return { kind: "optionalCatchAll" };
      if (part.startsWith("[...")) return { kind: "catchAll" };
      if (part.startsWith("[")) return { kind: "dynamic" };
      return { kind: "static", text: part };
    });
  return { label: pattern, segments };
}

function matches(segments: readonly Segment[], parts: readonly string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "catchAll") return parts.length > i;
    if (segment.kind === "optionalCatchAll") return true;
    const part = parts[i];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.text !== part) return false;
  }
  return parts.length === segments.length;
}

/** Negative when `a` is the more specific pattern. */
function compareSpecificity(a: Pattern, b: Pattern): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const rankA = a.segments[i] ? RANK[a.segments[i]!.kind] : -1;
    const rankB = b.segments[i] ? RANK[b.segments[i]!.kind] : -1;
    if (rankA !== rankB) return rankA - rankB;
  }
  return 0;
}

function splitPath(pathname: string): string[] | null {
  try {
    return pathname
      .split("/")
      .filter((part) => part !== "")
      .map((part) => decodeURIComponent(part));
  } catch {
    return null; // malformed %-escape
  }
}

/**
 * `patterns` are the app's route patterns ("/", "/signin", "/t/[slug]/dags/[dagId]", …), as
 * `.next/app-path-routes-manifest.json` lists them (see readRoutePatterns).
 */
export function createRouteLabeller(patterns: Iterable<string>): RouteLabeller {
  const parsed = [...new Set(patterns)]
    .filter((pattern) => pattern.startsWith("/") && !pattern.startsWith("/_"))
    .map(parsePattern)
    .sort(compareSpecificity);
  const hasTrpc = parsed.some((pattern) => pattern.label === TRPC_PATTERN);

  return (rawPath, status) => {
    const pathname = rawPath.split("?")[0]!;
    if (OWN_ROUTES.has(pathname)) return pathname;
    if (pathname.startsWith("/_next/")) {
      if (pathname.startsWith("/_next/static/")) return "/_next/static";
      if (pathname.startsWith("/_next/image")) return "/_next/image";
      return "/_next";
    }
    if (hasTrpc && pathname.startsWith(TRPC_PREFIX)) return labelTrpc(pathname.slice(TRPC_PREFIX.length), status);
    const parts = splitPath(pathname);
    if (!parts) return "other";
    const match = parsed.find((pattern) => matches(pattern.segments, parts));
    return match ? match.label : "other";
  };
}

/**
 * "runs.list" → "/api/trpc/runs.list"; a batch of several procedures ("a.b,c.d")
 * → "/api/trpc/[batch]". A 404 means tRPC knows no such procedure (or the
 * procedure said "not found"): those share "/api/trpc/[trpc]", so only
 * procedures that exist get a label of their own.
 */
function labelTrpc(procedurePath: string, status: number): string {
  if (procedurePath.includes(",")) return "/api/trpc/[batch]";
  let procedure: string;
  try {
    procedure = decodeURIComponent(procedurePath);
  } catch {
    return TRPC_PATTERN;
  }
  if (status === 404 || procedure.length > MAX_PROCEDURE_LENGTH || !TRPC_PROCEDURE.test(procedure)) return TRPC_PATTERN;
  return `${TRPC_PREFIX}${procedure}`;
}
