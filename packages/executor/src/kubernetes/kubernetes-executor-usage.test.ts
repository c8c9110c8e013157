import type { PodMetric } from "@kubernetes/client-node";
import pino from "pino";
import { waitUntil } from "@updraft/config/wait-until";
import { afterEach, describe, expect, it } from "vitest";
import { readingsFromPodMetrics } from "./executor/sample-pod-usage";
import { startKubernetesExecutorFixture, type KubernetesExecutorFixture } from "./testing/kubernetes-executor-fixture";
import type { KubeObject } from "./testing/fake-kube-api";

const phaseOf = (pod: KubeObject | undefined) => (pod?.status as { phase?: string } | undefined)?.phase;

function metric(name: string, containers: [string, string][]): PodMetric {
  return {
    metadata: { name, namespace: "updraft-acme", selfLink: "", creationTimestamp: "2024-05-01T00:00:00Z" },
    timestamp: "2024-05-01T00:00:00Z",
    window: "15s",
    containers: containers.map(([cpu, memory], i) => ({ name: `c${i}`, usage: { cpu, memory } })),
  };
}

describe("readingsFromPodMetrics", () => {
  it("maps pods to executor keys, summing containers: cores and bytes", () => {
    const readings = readingsFromPodMetrics(
      [
        metric("ti-a-t1", [["250000000n", "102400Ki"], ["250m", "100Mi"]]),
        metric("someone-elses-pod", [["4", "1Gi"]]),
        metric("ti-bad-t1", [["lots", "1Gi"]]),
      ],
      [
        { key: "key-a", namespace: "updraft-acme", name: "ti-a-t1" },
        { key: "key-b", namespace: "updraft-acme", name: "ti-b-t1" }, // no metrics yet
        { key: "key-bad", namespace: "updraft-acme", name: "ti-bad-t1" },
      ],
    );
    expect(readings).toEqual([{ key: "key-a", cpuCores: 0.5, memoryBytes: 200 * 2 ** 20 }]);
  });
});

describe("Kubernetes executor sampleUsage", () => {
  let fx: KubernetesExecutorFixture | undefined;
  afterEach(async () => {
    await fx?.close();
    fx = undefined;
  });

  it("reads running pods' usage from metrics.k8s.io, one list per tenant namespace", async () => {
    fx = await startKubernetesExecutorFixture();
    fx.api.state.scriptImage("acme/busy:1", { runForever: true, usage: { cpu: "500m", memory: "200Mi" } });
    const { executor } = fx.newExecutor();
    const busy = fx.request("acme/busy:1");
    const idle = fx.request("acme/idle:1");
    fx.api.state.scriptImage("acme/idle:1", { runForever: true });
    await executor.launch(busy);
    await executor.launch(idle);
    await waitUntil(() => phaseOf(fx!.pod(busy)) === "Running" && phaseOf(fx!.pod(idle)) === "Running", () => "both pods to run", { pollMs: 10 });

    fx.api.clearRequests();
    const readings = await executor.sampleUsage!();
    expect(new Map(readings.map((r) => [r.key, r]))).toEqual(
      new Map([
        [busy.key, { key: busy.key, cpuCores: 0.5, memoryBytes: 200 * 2 ** 20 }],
        [idle.key, { key: idle.key, cpuCores: 0, memoryBytes: 0 }],
      ]),
    );
    expect(fx.api.requests.filter((r) => r.group === "metrics.k8s.io").map((r) => `${r.verb} ${r.path}`)).toEqual(["list /apis/metrics.k8s.io/v1beta1/namespaces/updraft-acme/pods"]);
  });

  it("the double serves one pod's metrics while it runs, 404 otherwise", async () => {
    fx = await startKubernetesExecutorFixture();
    fx.api.state.scriptImage("acme/busy:1", { runForever: true, usage: { cpu: "500m", memory: "200Mi" } });
    const { executor } = fx.newExecutor();
    const busy = fx.request("acme/busy:1");
    await executor.launch(busy);
    await waitUntil(() => phaseOf(fx!.pod(busy)) === "Running", () => "the busy pod to run", { pollMs: 10 });
    const url = `${fx.api.url}/apis/metrics.k8s.io/v1beta1/namespaces/updraft-acme/pods`;
    const one = await fetch(`${url}/${busy.key}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ kind: "PodMetrics", metadata: { name: busy.key }, containers: [{ usage: { cpu: "500m", memory: "200Mi" } }] });
    expect((await fetch(`${url}/no-such-pod`)).status).toBe(404);
    expect((await fetch(url, { method: "POST", body: "{}" })).status).toBe(405);
  });

  it("skips pods without metrics and logs a missing metrics-server (404) once", async () => {
    fx = await startKubernetesExecutorFixture({ metricsServer: false });
    fx.api.state.scriptImage("acme/busy:1", { runForever: true, usage: { cpu: "1", memory: "1Gi" } });
    const warnings: string[] = [];
    const logger = pino({ level: "debug" }, { write: (line: string) => void (JSON.parse(line).level === 40 && warnings.push(JSON.parse(line).msg)) });
    const { executor } = fx.newExecutor({ logger });
    const busy = fx.request("acme/busy:1");
    await executor.launch(busy);
    await waitUntil(() => phaseOf(fx!.pod(busy)) === "Running", () => "the busy pod to run", { pollMs: 10 });
    expect(await executor.sampleUsage!()).toEqual([]);
    expect(await executor.sampleUsage!()).toEqual([]);
    expect(warnings.filter((w) => w.includes("could not read pod metrics"))).toHaveLength(1);
  });
});
