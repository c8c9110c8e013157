import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRouteLabeller } from "./label-route";

/** The route patterns of apps/web/src/app, as a build's app-path-routes-manifest.json lists them. */
function appRoutePatterns(): string[] {
  const appDir = fileURLToPath(new URL("../src/app", import.meta.url));
  const patterns: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/^(page|route)\.tsx?$/.test(entry.name)) {
        const route = relative(appDir, dir).split(sep).filter((part) => part && !part.startsWith("_") && !part.startsWith("("));
        patterns.push(`/${route.join("/")}`);
      }
    }
  };
  walk(appDir);
  return patterns;
}

const label = createRouteLabeller(appRoutePatterns());

describe("route labels for the HTTP metrics", () => {
  it("labels pages and API routes with their pattern, never with the ids in the URL", () => {
    expect(label("/", 200)).toBe("/");
    expect(label("/signin", 200)).toBe("/signin");
    expect(label("/t", 200)).toBe("/t");
    expect(label("/t/acme", 200)).toBe("/t/[slug]");
    expect(label("/t/acme/dags", 200)).toBe("/t/[slug]/dags");
    expect(label("/t/acme/dags/etl_daily", 200)).toBe("/t/[slug]/dags/[dagId]");
    expect(label("/t/acme/dags/etl_daily/runs/scheduled__2026-01-01T00%3A00%3A00", 200)).toBe("/t/[slug]/dags/[dagId]/runs/[runId]");
    expect(label("/t/acme/members?tab=invites", 200)).toBe("/t/[slug]/members");
    expect(label("/invite/abc123", 200)).toBe("/invite/[token]");
    expect(label("/admin/tenants", 200)).toBe("/admin/tenants");
    expect(label("/api/health", 200)).toBe("/api/health");
    expect(label("/api/v1/tenants/acme/dags", 201)).toBe("/api/v1/tenants/[slug]/dags");
    expect(label("/api/v1/tenants/acme/audit.csv", 200)).toBe("/api/v1/tenants/[slug]/audit.csv");
    expect(label("/api/v1/openapi.json", 200)).toBe("/api/v1/openapi.json");
    expect(label("/api/auth/callback/credentials", 302)).toBe("/api/auth/[...nextauth]");
    expect(label("/api/auth/session", 200)).toBe("/api/auth/[...nextauth]");
  });

  it("prefers a fixed segment over a parameter, as Next does", () => {
    const labelWith = createRouteLabeller(["/t/[slug]", "/t/new", "/docs/[[...path]]", "/docs/intro"]);
    expect(labelWith("/t/new", 200)).toBe("/t/new");
    expect(labelWith("/t/acme", 200)).toBe("/t/[slug]");
    expect(labelWith("/docs", 200)).toBe("/docs/[[...path]]");
    expect(labelWith("/docs/intro", 200)).toBe("/docs/intro");
    expect(labelWith("/docs/a/b/c", 200)).toBe("/docs/[[...path]]");
  });

  it("gives each existing tRPC procedure its own label and batches one shared label", () => {
    expect(label("/api/trpc/runs.list", 200)).toBe("/api/trpc/runs.list");
    expect(label("/api/trpc/runs.list?batch=1&input=%7B%7D", 200)).toBe("/api/trpc/runs.list");
    expect(label("/api/trpc/dags.grid,runs.list", 200)).toBe("/api/trpc/[batch]");
    expect(label("/api/trpc/runs.cancel", 500)).toBe("/api/trpc/runs.cancel");
  });

  it("keeps the number of labels bounded whatever URLs arrive", () => {
    // tRPC answers 404 for procedures it does not know: they share one label.
    expect(label("/api/trpc/made.up1", 404)).toBe("/api/trpc/[trpc]");
    expect(label("/api/trpc/%3Cscript%3E", 400)).toBe("/api/trpc/[trpc]");
    expect(label(`/api/trpc/${"a.".repeat(100)}b`, 200)).toBe("/api/trpc/[trpc]");
    expect(label("/_next/static/chunks/app/page-0123abcd.js", 200)).toBe("/_next/static");
    expect(label("/_next/image?url=%2Fa.png&w=64&q=75", 200)).toBe("/_next/image");
    expect(label("/wp-login.php", 404)).toBe("other");
    expect(label("/t/acme/dags/etl/unknown/deeper", 404)).toBe("other");
    expect(label("/t/%E0%A4%A", 400)).toBe("other");
  });

  it("labels the server's own probes", () => {
    expect(label("/healthz", 200)).toBe("/healthz");
    expect(label("/readyz", 503)).toBe("/readyz");
  });
});
