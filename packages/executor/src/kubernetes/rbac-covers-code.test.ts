import { readFileSync } from "node:fs";
import { ClusterRole, ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1";
import { ServiceAccount } from "kubernetes-models/v1";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { deprovisionTenant, provisionTenant } from "./provision-tenant";
import { DEFAULT_TENANT, startKubernetesExecutorFixture, type KubernetesExecutorFixture } from "./testing/kubernetes-executor-fixture";

const RBAC_DIR = new URL("../../../../infra/k8s/base/rbac/", import.meta.url);

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
}

type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; rules?: PolicyRule[]; [k: string]: unknown };

function loadKustomization(): Doc[] {
  const kustomization = parseAllDocuments(readFileSync(new URL("kustomization.yaml", RBAC_DIR), "utf8"))[0]!.toJS() as { resources: string[] };
  return kustomization.resources.flatMap((file) =>
    parseAllDocuments(readFileSync(new URL(file, RBAC_DIR), "utf8")).map((d) => d.toJS() as Doc),
  );
}

const pair = (group: string, resource: string, verb: string) => `${group || "core"}:${resource}:${verb}`;

/** Drives everything the scheduler does on Kubernetes against the double, and returns the (group, resource, verb) pairs it used. */
async function usedByTheCode(): Promise<Set<string>> {
  let fx: KubernetesExecutorFixture | undefined;
  try {
    fx = await startKubernetesExecutorFixture();
    const { api } = fx;
    // Provisioning: a second pass after drift in every kind (get + update).
    for (const [resource, namespace, name] of [
      ["namespaces", undefined, "updraft-acme"],
      ["resourcequotas", "updraft-acme", "updraft-quota"],
      ["limitranges", "updraft-acme", "updraft-limits"],
      ["serviceaccounts", "updraft-acme", "updraft-task"],
      ["networkpolicies", "updraft-acme", "updraft-egress"],
      ["secrets", "updraft-acme", "updraft-secrets"],
    ] as const) {
      const object = api.state.get(resource, namespace, name)!;
      object.metadata.labels = { ...object.metadata.labels, "updraft.dev/tenant": "someone-else" };
      api.state.put(resource, object);
    }
    await provisionTenant(api.kubeConfig, DEFAULT_TENANT);

    // Executor: a success, a kept failure, a kill, a 409 adoption, a restart adoption.
    api.state.scriptImage("acme/ok:1", { logs: ["hello"] });
    api.state.scriptImage("acme/fail:1", { exitCode: 1 });
    api.state.scriptImage("acme/long:1", { runForever: true, logs: ["working"] });
    const first = fx.newExecutor({ keepFailedPods: true });
    const ok = fx.request("acme/ok:1");
    const failing = fx.request("acme/fail:1");
    const long = fx.request("acme/long:1");
    await first.executor.launch(ok);
    await first.executor.launch(failing);
    await first.executor.launch(long);
    await first.recorder.waitForExit(ok.key);
    await first.recorder.waitForExit(failing.key);
    await first.recorder.waitFor(() => (first.recorder.output(long.key, "STDOUT") ? true : undefined));
    // Metering: pod metrics of the running pod.
    await first.executor.sampleUsage!();
    await first.executor.shutdown();
    // The restarted executor's first list is held back so its launch meets 409 AlreadyExists (read + adopt).
    api.faults.failNext(3, { status: 503, match: { verb: "list", resource: "pods" } });
    const second = fx.newExecutor({ keepFailedPods: true });
    expect(await second.executor.launch(long)).toEqual({ adopted: true });
    await second.executor.kill(long.key, "done with the scenario");
    await second.executor.shutdown();

    await deprovisionTenant(api.kubeConfig, "acme");
    return new Set(api.requests.map((r) => pair(r.group, r.resource, r.verb)));
  } finally {
    await fx?.close();
  }
}

describe("the scheduler's RBAC (infra/k8s/base/rbac)", () => {
  let docs: Doc[];
  let used: Set<string>;

  beforeAll(async () => {
    docs = loadKustomization();
    used = await usedByTheCode();
  });

  const role = () => docs.find((d) => d.kind === "ClusterRole")!;
  const granted = () =>
    new Set(
      (role().rules ?? []).flatMap((rule) =>
        (rule.apiGroups ?? []).flatMap((group) => (rule.resources ?? []).flatMap((resource) => rule.verbs.map((verb) => pair(group, resource, verb)))),
      ),
    );

  it("is valid Kubernetes objects: a ServiceAccount bound to a ClusterRole", () => {
    const byKind = Object.fromEntries(docs.map((d) => [d.kind, d]));
    new ServiceAccount(byKind.ServiceAccount as never).validate();
    new ClusterRole(byKind.ClusterRole as never).validate();
    new ClusterRoleBinding(byKind.ClusterRoleBinding as never).validate();
    expect(byKind.ClusterRoleBinding).toMatchObject({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role().metadata.name },
      // Namespace-agnostic: the overlay's `namespace:` fills in the subject's namespace (infra/tests check the rendered overlays).
      subjects: [{ kind: "ServiceAccount", name: byKind.ServiceAccount!.metadata.name }],
    });
  });

  it("grants every (resource, verb) the code used", () => {
    const missing = [...used].filter((p) => !granted().has(p));
    expect(missing).toEqual([]);
  });

  it("grants nothing beyond what the code uses, and no wildcards", () => {
    const rules = role().rules ?? [];
    for (const rule of rules) {
      for (const list of [rule.apiGroups, rule.resources, rule.verbs]) expect(list ?? []).not.toContain("*");
    }
    expect([...granted()].filter((p) => !used.has(p))).toEqual([]);
    expect([...used].sort()).toEqual([
      "core:limitranges:create",
      "core:limitranges:get",
      "core:limitranges:update",
      "core:namespaces:create",
      "core:namespaces:delete",
      "core:namespaces:get",
      "core:namespaces:update",
      "core:pods/log:get",
      "core:pods:create",
      "core:pods:delete",
      "core:pods:get",
      "core:pods:list",
      "core:pods:patch",
      "core:pods:watch",
      "core:resourcequotas:create",
      "core:resourcequotas:get",
      "core:resourcequotas:update",
      "core:secrets:create",
      "core:secrets:get",
      "core:secrets:update",
      "core:serviceaccounts:create",
      "core:serviceaccounts:get",
      "core:serviceaccounts:update",
      "metrics.k8s.io:pods:list",
      "networking.k8s.io:networkpolicies:create",
      "networking.k8s.io:networkpolicies:get",
      "networking.k8s.io:networkpolicies:update",
    ]);
  });
});
