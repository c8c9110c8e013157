import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchedulerMetrics } from "../metrics/scheduler-metrics";
import { startKubeFixture, type KubeFixture } from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;

beforeAll(async () => {
  await createTenant(t.db, { slug: "acme", name: "Acme" });
  fx = await startKubeFixture(t.url);
});
afterAll(async () => {
  await fx?.close();
});

describe("a Kubernetes scheduler's health and watch metrics", () => {
  it("reports the pod watch connected, counts its restarts, and reports it down while the API refuses to list pods", async () => {
    const metrics = createSchedulerMetrics({ defaultMetrics: false });
    const scheduler = await fx.startKubeScheduler({ metrics });
    expect(scheduler.health()).toEqual({ stopping: false, checks: { worker: { ok: true }, kubernetes_watch: { ok: true } } });
    const restarts = async () => (await metrics.watchRestarts.get()).values[0]?.value ?? 0;
    expect(await restarts()).toBe(0);

    // The API refuses every list for a while: the watch, once dropped, cannot come back.
    fx.api.faults.failNext(1000, { status: 503, match: { verb: "list", resource: "pods" } });
    await expect.poll(() => fx.api.faults.dropStreams({ abrupt: true })).toBeGreaterThanOrEqual(1);
    await expect.poll(() => scheduler.health().checks.kubernetes_watch?.ok).toBe(false);
    expect(scheduler.health().checks.kubernetes_watch?.message).toMatch(/^the pod watch is not connected: /);
    await expect.poll(restarts).toBeGreaterThanOrEqual(2);

    fx.api.faults.clear();
    await expect.poll(() => scheduler.health().checks.kubernetes_watch?.ok).toBe(true);
    await scheduler.stop();
    expect(scheduler.health().stopping).toBe(true);
  });
});
