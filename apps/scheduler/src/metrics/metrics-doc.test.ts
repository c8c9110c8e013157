import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSchedulerMetrics } from "./scheduler-metrics";

/** infra/docs/metrics.md, from apps/scheduler/src/metrics. */
const DOC = new URL("../../../../infra/docs/metrics.md", import.meta.url);

/** The web's metrics (apps/web/server/http-metrics.ts; no app imports another, so they are named here as the contract has them). */
const WEB_METRICS = ["updraft_http_request_duration_seconds", "updraft_http_requests_in_flight"];

describe("infra/docs/metrics.md", () => {
  const doc = readFileSync(DOC, "utf8");
  const documented = (name: string) => doc.includes(`\`${name}\``) || doc.includes(`\`${name}{`);

  it("documents every metric the scheduler registers, the process defaults included", () => {
    const names = createSchedulerMetrics()
      .registry.getMetricsAsArray()
      .map((m) => m.name);
    expect(names.filter((name) => name.startsWith("updraft_")).length).toBeGreaterThanOrEqual(9);
    expect(names.filter((name) => !documented(name))).toEqual([]);
  });

  it("documents the web's metrics", () => {
    expect(WEB_METRICS.filter((name) => !documented(name))).toEqual([]);
  });

  it("gives each scheduler and web metric a PromQL example", () => {
    const names = [...createSchedulerMetrics({ defaultMetrics: false }).registry.getMetricsAsArray().map((m) => m.name), ...WEB_METRICS];
    const promql = [...doc.matchAll(/```promql\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n");
    expect(names.filter((name) => !promql.includes(name))).toEqual([]);
  });
});
