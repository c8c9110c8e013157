import { ApiException, CoreV1Api, NetworkingV1Api, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeKubeApi, type FakeKubeApi } from "./start-fake-kube-api";

let api: FakeKubeApi;
let core: CoreV1Api;

beforeEach(async () => {
  api = await startFakeKubeApi();
  core = api.kubeConfig.makeApiClient(CoreV1Api);
});
afterEach(() => api.close());

async function failure(promise: Promise<unknown>): Promise<{ code: number; body: { reason: string; message: string; code: number } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) return { code: error.code, body: JSON.parse(error.body as string) };
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("fake Kubernetes API: CRUD through @kubernetes/client-node", () => {
  it("creates, reads, lists by label, replaces, patches and deletes", async () => {
    await core.createNamespace({ body: { metadata: { name: "team-a", labels: { tier: "gold" } } } });
    await core.createNamespace({ body: { metadata: { name: "team-b" } } });
    const ns = await core.readNamespace({ name: "team-a" });
    expect(ns.status?.phase).toBe("Active");
    expect(ns.metadata?.uid).toBeTruthy();

    const gold = await core.listNamespace({ labelSelector: "tier=gold" });
    expect(gold.items.map((n) => n.metadata?.name)).toEqual(["team-a"]);

    const secret = await core.createNamespacedSecret({
      namespace: "team-a",
      body: { metadata: { name: "s" }, data: { k: Buffer.from("v").toString("base64") } },
    });
    const replaced = await core.replaceNamespacedSecret({
      name: "s",
      namespace: "team-a",
      body: { ...secret, data: { k: Buffer.from("w").toString("base64") } },
    });
    expect(Number(replaced.metadata!.resourceVersion)).toBeGreaterThan(Number(secret.metadata!.resourceVersion));

    const stale = await failure(core.replaceNamespacedSecret({ name: "s", namespace: "team-a", body: secret }));
    expect(stale.code).toBe(409);
    expect(stale.body.reason).toBe("Conflict");

    const patched = await core.patchNamespacedSecret(
      { name: "s", namespace: "team-a", body: { metadata: { labels: { a: "b" } } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    expect(patched.metadata?.labels).toEqual({ a: "b" });
    const jsonPatched = await core.patchNamespacedSecret({
      name: "s",
      namespace: "team-a",
      body: [{ op: "add", path: "/metadata/labels/c", value: "d" }],
    });
    expect(jsonPatched.metadata?.labels).toEqual({ a: "b", c: "d" });

    await core.deleteNamespacedSecret({ name: "s", namespace: "team-a" });
    const gone = await failure(core.readNamespacedSecret({ name: "s", namespace: "team-a" }));
    expect(gone).toMatchObject({ code: 404, body: { reason: "NotFound", message: 'secrets "s" not found' } });
  });

  it("answers 409 AlreadyExists, 404 for a missing namespace and 422 for invalid objects", async () => {
    await core.createNamespace({ body: { metadata: { name: "team-a" } } });
    const again = await failure(core.createNamespace({ body: { metadata: { name: "team-a" } } }));
    expect(again).toMatchObject({ code: 409, body: { reason: "AlreadyExists", message: 'namespaces "team-a" already exists' } });

    const noNamespace = await failure(
      core.createNamespacedServiceAccount({ namespace: "missing", body: { metadata: { name: "sa" } } }),
    );
    expect(noNamespace).toMatchObject({ code: 404, body: { message: 'namespaces "missing" not found' } });

    const badName = await failure(core.createNamespace({ body: { metadata: { name: "Team_A" } } }));
    expect(badName.code).toBe(422);
    expect(badName.body.message).toMatch(/Namespace "Team_A" is invalid: metadata.name: Invalid value/);

    const badLabel = await failure(
      core.createNamespace({ body: { metadata: { name: "ok", labels: { run: "manual__2024-05-01T00:00:00+00:00" } } } }),
    );
    expect(badLabel.body.message).toMatch(/metadata.labels: Invalid value: "manual__2024-05-01T00:00:00\+00:00"/);

    const schema = await failure(
      core.createNamespacedPod({
        namespace: "team-a",
        body: { metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "x", resources: { limits: { cpu: "lots" } } }] } },
      }),
    );
    expect(schema.code).toBe(422);
    expect(schema.body.message).toMatch(/schema: .*limits\/cpu/);

    const noImage = await failure(
      core.createNamespacedPod({ namespace: "team-a", body: { metadata: { name: "p" }, spec: { containers: [{ name: "c" }] } } }),
    );
    expect(noImage.body.message).toContain("spec.containers[0].image: Required value");
    expect(api.requests.filter((r) => r.status === 422)).toHaveLength(4);
  });

  it("serves networking.k8s.io NetworkPolicies", async () => {
    await core.createNamespace({ body: { metadata: { name: "team-a" } } });
    const networking = api.kubeConfig.makeApiClient(NetworkingV1Api);
    await networking.createNamespacedNetworkPolicy({
      namespace: "team-a",
      body: { metadata: { name: "deny" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } },
    });
    const read = await networking.readNamespacedNetworkPolicy({ name: "deny", namespace: "team-a" });
    expect(read.spec?.policyTypes).toEqual(["Ingress"]);
    expect(api.requests.at(-1)).toMatchObject({ verb: "get", group: "networking.k8s.io", resource: "networkpolicies", namespace: "team-a" });
  });

  it("stores quantities the way the API server does (canonical form)", async () => {
    await core.createNamespace({ body: { metadata: { name: "team-a" } } });
    await core.createNamespacedResourceQuota({
      namespace: "team-a",
      body: { metadata: { name: "q" }, spec: { hard: { "requests.cpu": "4000m", "requests.memory": "8192Mi", pods: "10" } } },
    });
    const quota = await core.readNamespacedResourceQuota({ name: "q", namespace: "team-a" });
    expect(quota.spec?.hard).toEqual({ "requests.cpu": "4", "requests.memory": "8Gi", pods: "10" });
    expect(quota.status?.used).toEqual({ "requests.cpu": "0", "requests.memory": "0", pods: "0" });
  });

  it("deletes a namespace with everything in it, after a Terminating phase", async () => {
    await api.close();
    api = await startFakeKubeApi({ namespaceDeletionMs: 400 });
    core = api.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: "team-a" } } });
    await core.createNamespacedServiceAccount({ namespace: "team-a", body: { metadata: { name: "sa" } } });
    await core.deleteNamespace({ name: "team-a" });
    expect((await core.readNamespace({ name: "team-a" })).status?.phase).toBe("Terminating");
    const terminating = await failure(core.createNamespacedServiceAccount({ namespace: "team-a", body: { metadata: { name: "sa2" } } }));
    expect(terminating).toMatchObject({ code: 403, body: { reason: "Forbidden" } });
    expect(terminating.body.message).toContain("because it is being terminated");
    await expect.poll(() => api.state.get("namespaces", undefined, "team-a")).toBeUndefined();
    expect(api.state.list("serviceaccounts", "team-a")).toEqual([]);
  });

  it("records every request with its Kubernetes verb and resource", async () => {
    await core.createNamespace({ body: { metadata: { name: "team-a" } } });
    await core.listPodForAllNamespaces({ labelSelector: "a=b" });
    await failure(core.readNamespacedPod({ name: "x", namespace: "team-a" }));
    expect(api.requests.map((r) => [r.verb, r.resource, r.status])).toEqual([
      ["create", "namespaces", 201],
      ["list", "pods", 200],
      ["get", "pods", 404],
    ]);
  });
});
