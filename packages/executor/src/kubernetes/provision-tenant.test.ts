import { CoreV1Api, NetworkingV1Api } from "@kubernetes/client-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deprovisionTenant, provisionTenant } from "./provision-tenant";
import type { ProvisionTenantInput } from "./provision/provision-tenant-input";
import { tenantPodSettings } from "./provision/tenant-limits";
import { startFakeKubeApi, WRITE_VERBS, type FakeKubeApi } from "./testing/fake-kube-api";

let api: FakeKubeApi;

beforeEach(async () => {
  api = await startFakeKubeApi();
});
afterEach(() => api.close());

const input: ProvisionTenantInput = {
  slug: "acme",
  quota: { cpu: "8", memory: "32Gi", gpus: 1, pods: 20 },
  limits: { maxPerPod: { cpu: "4", memory: "16Gi" } },
  secrets: { openai_api_key: "sk-secret" },
  connections: { warehouse: "postgresql://user:pw@db.example.com:5432/dw" },
  clusterCidrs: ["10.244.0.0/16", "10.96.0.0/12"],
};

const writes = () => api.requests.filter((r) => WRITE_VERBS.has(r.verb));
const decoded = (data: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64").toString("utf8")]));

describe("provisionTenant", () => {
  it("creates the namespace and everything in it on the first pass", async () => {
    const result = await provisionTenant(api.kubeConfig, input);
    expect(result.namespace).toBe("updraft-acme");
    expect(result.objects).toEqual([
      { object: "Namespace updraft-acme", action: "created" },
      { object: "ResourceQuota updraft-acme/updraft-quota", action: "created" },
      { object: "LimitRange updraft-acme/updraft-limits", action: "created" },
      { object: "ServiceAccount updraft-acme/updraft-task", action: "created" },
      { object: "NetworkPolicy updraft-acme/updraft-deny-ingress", action: "created" },
      { object: "NetworkPolicy updraft-acme/updraft-egress", action: "created" },
      { object: "Secret updraft-acme/updraft-secrets", action: "created" },
      { object: "Secret updraft-acme/updraft-connections", action: "created" },
    ]);
    expect(api.requests.filter((r) => r.status === 422)).toEqual([]);

    const core = api.kubeConfig.makeApiClient(CoreV1Api);
    const ns = await core.readNamespace({ name: "updraft-acme" });
    expect(ns.metadata?.labels).toMatchObject({
      "app.kubernetes.io/managed-by": "updraft",
      "updraft.dev/tenant": "acme",
      "pod-security.kubernetes.io/enforce": "restricted",
    });
    const quota = await core.readNamespacedResourceQuota({ name: "updraft-quota", namespace: "updraft-acme" });
    expect(quota.spec?.hard).toEqual({
      "requests.cpu": "8",
      "limits.cpu": "8",
      "requests.memory": "32Gi",
      "limits.memory": "32Gi",
      pods: "20",
      "requests.nvidia.com/gpu": "1",
    });
    const limits = await core.readNamespacedLimitRange({ name: "updraft-limits", namespace: "updraft-acme" });
    expect(limits.spec?.limits).toEqual([
      expect.objectContaining({ type: "Container", _default: { cpu: "1", memory: "1Gi" }, defaultRequest: { cpu: "250m", memory: "256Mi" }, max: { cpu: "4", memory: "16Gi" } }),
      expect.objectContaining({ type: "Pod", max: { cpu: "4", memory: "16Gi" } }),
    ]);
    const sa = await core.readNamespacedServiceAccount({ name: "updraft-task", namespace: "updraft-acme" });
    expect(sa.automountServiceAccountToken).toBe(false);
    expect(api.requests.some((r) => r.group === "rbac.authorization.k8s.io")).toBe(false);

    const secrets = await core.readNamespacedSecret({ name: "updraft-secrets", namespace: "updraft-acme" });
    expect(decoded(secrets.data)).toEqual({ openai_api_key: "sk-secret" });
    const connections = await core.readNamespacedSecret({ name: "updraft-connections", namespace: "updraft-acme" });
    expect(decoded(connections.data)).toEqual({ warehouse: "postgresql://user:pw@db.example.com:5432/dw" });
  });

  it("allows egress only to kube-dns and outside the cluster, never to cluster ranges or the metadata address", async () => {
    await provisionTenant(api.kubeConfig, input);
    const networking = api.kubeConfig.makeApiClient(NetworkingV1Api);
    const deny = await networking.readNamespacedNetworkPolicy({ name: "updraft-deny-ingress", namespace: "updraft-acme" });
    expect(deny.spec).toMatchObject({ podSelector: {}, policyTypes: ["Ingress"] });
    expect(deny.spec?.ingress).toBeUndefined();
    const egress = await networking.readNamespacedNetworkPolicy({ name: "updraft-egress", namespace: "updraft-acme" });
    expect(egress.spec?.policyTypes).toEqual(["Egress"]);
    expect(egress.spec?.egress?.[0]).toMatchObject({
      to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
      ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
    });
    expect(egress.spec?.egress?.[1]?.to).toEqual([
      { ipBlock: { cidr: "0.0.0.0/0", except: ["10.244.0.0/16", "10.96.0.0/12", "169.254.169.254/32"] } },
    ]);
  });

  it("writes nothing on a second pass with the same input", async () => {
    await provisionTenant(api.kubeConfig, input);
    api.clearRequests();
    const again = await provisionTenant(api.kubeConfig, input);
    expect(again.objects.every((o) => o.action === "unchanged")).toBe(true);
    expect(writes()).toEqual([]);
  });

  it("repairs drift: restores what was deleted or edited by hand, and keeps labels others added", async () => {
    await provisionTenant(api.kubeConfig, input);
    api.state.remove("networkpolicies", "updraft-acme", "updraft-egress");
    const quota = api.state.get("resourcequotas", "updraft-acme", "updraft-quota")!;
    api.state.put("resourcequotas", { ...quota, spec: { hard: { "requests.cpu": "100", pods: "1000" } } });
    const ns = api.state.get("namespaces", undefined, "updraft-acme")!;
    api.state.put("namespaces", {
      ...ns,
      metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, "pod-security.kubernetes.io/enforce": "privileged", team: "data" } },
    });
    const sa = api.state.get("serviceaccounts", "updraft-acme", "updraft-task")!;
    api.state.put("serviceaccounts", { ...sa, automountServiceAccountToken: true });
    api.clearRequests();

    const repaired = await provisionTenant(api.kubeConfig, input);
    expect(repaired.objects.filter((o) => o.action !== "unchanged")).toEqual([
      { object: "Namespace updraft-acme", action: "updated" },
      { object: "ResourceQuota updraft-acme/updraft-quota", action: "updated" },
      { object: "ServiceAccount updraft-acme/updraft-task", action: "updated" },
      { object: "NetworkPolicy updraft-acme/updraft-egress", action: "created" },
    ]);
    expect(api.state.get("namespaces", undefined, "updraft-acme")!.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
      team: "data",
    });
    expect((api.state.get("resourcequotas", "updraft-acme", "updraft-quota")!.spec as { hard: object }).hard).toMatchObject({ "requests.cpu": "8", pods: "20" });
    expect(api.state.get("serviceaccounts", "updraft-acme", "updraft-task")!.automountServiceAccountToken).toBe(false);
    api.clearRequests();
    await provisionTenant(api.kubeConfig, input);
    expect(writes()).toEqual([]);
  });

  it("applies a quota change, new secrets and removed connections on the next pass", async () => {
    await provisionTenant(api.kubeConfig, input);
    const changed = await provisionTenant(api.kubeConfig, {
      ...input,
      quota: { ...input.quota, cpu: "16" },
      secrets: { openai_api_key: "sk-rotated", slack_token: "xoxb" },
      connections: {},
    });
    expect(changed.objects.filter((o) => o.action === "updated").map((o) => o.object)).toEqual([
      "ResourceQuota updraft-acme/updraft-quota",
      "Secret updraft-acme/updraft-secrets",
      "Secret updraft-acme/updraft-connections",
    ]);
    expect(decoded(api.state.get("secrets", "updraft-acme", "updraft-secrets")!.data as Record<string, string>)).toEqual({
      openai_api_key: "sk-rotated",
      slack_token: "xoxb",
    });
    expect(api.state.get("secrets", "updraft-acme", "updraft-connections")!.data ?? {}).toEqual({});
  });

  it("retries the API's 500s and 429s and still converges", async () => {
    api.faults.failNext(2, { status: 500, match: { verb: "create", resource: "limitranges" } });
    api.faults.failNext(1, { status: 429, match: { verb: "get", resource: "secrets" } });
    const result = await provisionTenant(api.kubeConfig, input, { retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 } });
    expect(result.objects.every((o) => o.action === "created")).toBe(true);
  });

  it("explains invalid input before touching the cluster", async () => {
    await expect(
      provisionTenant(api.kubeConfig, { ...input, slug: "Acme", quota: { cpu: "-1", memory: "lots", gpus: 0.5, pods: 0 } }),
    ).rejects.toThrow(
      /Cannot provision tenant "Acme": slug: .*; quota.cpu: must be a Kubernetes quantity greater than 0.*; quota.memory: .*; quota.gpus: must be a whole number of GPUs.*; quota.pods: must be a whole number of pods, 1 or more/,
    );
    expect(api.requests).toEqual([]);
  });

  it("derives the pod builder's tenant settings from the same input", () => {
    expect(tenantPodSettings({ quota: input.quota, limits: input.limits ?? {} })).toEqual({
      maxPerPod: { cpu: "4", memory: "16Gi", gpu: 1 },
      defaultLimits: { cpu: "1", memory: "1Gi" },
    });
  });
});

describe("deprovisionTenant", () => {
  it("deletes the namespace and everything in it", async () => {
    await provisionTenant(api.kubeConfig, input);
    expect(await deprovisionTenant(api.kubeConfig, "acme")).toEqual({ namespace: "updraft-acme", deleted: true });
    await expect.poll(() => api.state.get("namespaces", undefined, "updraft-acme")).toBeUndefined();
    expect(api.state.list("secrets", "updraft-acme")).toEqual([]);
    expect(await deprovisionTenant(api.kubeConfig, "acme")).toEqual({ namespace: "updraft-acme", deleted: false });
  });

  it("refuses to provision into a namespace that is still being deleted", async () => {
    await provisionTenant(api.kubeConfig, input);
    const slow = await startFakeKubeApi({ namespaceDeletionMs: 10_000 });
    try {
      await provisionTenant(slow.kubeConfig, input);
      await deprovisionTenant(slow.kubeConfig, "acme");
      await expect(provisionTenant(slow.kubeConfig, input)).rejects.toThrow(/Namespace updraft-acme is being deleted/);
    } finally {
      await slow.close();
    }
  });
});
