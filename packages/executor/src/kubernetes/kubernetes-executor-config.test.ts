import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDefaultKubeConfig } from "./executor/load-default-kube-config";
import { resolveExecutorNumbers } from "./executor/kubernetes-executor-options";

const saved = { KUBECONFIG: process.env.KUBECONFIG, HOME: process.env.HOME };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("Kubernetes executor configuration", () => {
  it("reads the cluster from KUBECONFIG", () => {
    const dir = mkdtempSync(join(tmpdir(), "updraft-kubeconfig-"));
    const file = join(dir, "config");
    writeFileSync(
      file,
      [
        "apiVersion: v1",
        "kind: Config",
        "clusters: [{ name: prod, cluster: { server: 'https://k8s.example.com:6443' } }]",
        "users: [{ name: updraft, user: { token: abc } }]",
        "contexts: [{ name: prod, context: { cluster: prod, user: updraft } }]",
        "current-context: prod",
      ].join("\n"),
    );
    process.env.KUBECONFIG = file;
    expect(loadDefaultKubeConfig().getCurrentCluster()?.server).toBe("https://k8s.example.com:6443");
  });

  it("explains what to set when there is no cluster configuration at all", () => {
    process.env.KUBECONFIG = "";
    process.env.HOME = mkdtempSync(join(tmpdir(), "updraft-home-"));
    expect(() => loadDefaultKubeConfig()).toThrow(/UPDRAFT_EXECUTOR=kubernetes needs a cluster: set KUBECONFIG/);
  });

  it("rejects nonsensical numbers with the option's name", () => {
    expect(() => resolveExecutorNumbers({ createQps: 0, createBurst: 0.5 })).toThrow(/createQps: .*; createBurst: /);
    expect(resolveExecutorNumbers({}).unschedulableTimeoutMs).toBe(300_000);
  });
});
