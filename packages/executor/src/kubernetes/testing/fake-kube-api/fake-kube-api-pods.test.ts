import { PassThrough } from "node:stream";
import { ApiException, CoreV1Api, Log, PatchStrategy, setHeaderOptions, type V1Pod } from "@kubernetes/client-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeKubeApi, type FakeKubeApi } from "./start-fake-kube-api";

let api: FakeKubeApi;
let core: CoreV1Api;

beforeEach(async () => {
  api = await startFakeKubeApi({ msPerSecond: 20 });
  core = api.kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: "team-a" } } });
});
afterEach(() => api.close());

function pod(name: string, image: string, extra: Partial<NonNullable<V1Pod["spec"]>> = {}, resources = {}): V1Pod {
  return {
    metadata: { name, labels: { app: "t" } },
    spec: { restartPolicy: "Never", containers: [{ name: "task", image, resources }], ...extra },
  };
}

const phaseOf = (name: string) => (api.state.get("pods", "team-a", name)?.status as { phase?: string } | undefined)?.phase;
const statusOf = (name: string) => api.state.get("pods", "team-a", name)?.status as Record<string, never>;

async function rejection(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) {
      const body = typeof error.body === "string" ? (JSON.parse(error.body) as { message: string }) : undefined;
      return { code: error.code, message: body?.message ?? "" };
    }
    throw error;
  }
  throw new Error("expected a failure");
}

describe("fake Kubernetes API: pod lifecycle", () => {
  it("plays Pending → Running → Succeeded with container statuses and logs", async () => {
    api.state.scriptImage("ok:1", { logs: ["hello", "world"], runMs: 300 });
    const created = await core.createNamespacedPod({ namespace: "team-a", body: pod("p1", "ok:1") });
    expect(created.status?.phase).toBe("Pending");
    await expect.poll(() => phaseOf("p1")).toBe("Running");
    await expect.poll(() => phaseOf("p1")).toBe("Succeeded");
    expect(statusOf("p1")).toMatchObject({
      containerStatuses: [{ name: "task", state: { terminated: { exitCode: 0, reason: "Completed" } } }],
    });
    expect(api.state.podLog("team-a", "p1")).toBe("hello\nworld\n");
  });

  it("fails pods with exit codes, OOMKilled and eviction as scripted", async () => {
    api.state.scriptImage("exit:3", { exitCode: 3 });
    api.state.scriptImage("oom:1", { oomKilled: true });
    api.state.scriptImage("evict:1", { evicted: "The node was low on resource: memory." });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("a", "exit:3") });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("b", "oom:1") });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("c", "evict:1") });
    for (const name of ["a", "b", "c"]) await expect.poll(() => phaseOf(name)).toBe("Failed");
    expect(statusOf("a")).toMatchObject({ containerStatuses: [{ state: { terminated: { exitCode: 3, reason: "Error" } } }] });
    expect(statusOf("b")).toMatchObject({ containerStatuses: [{ state: { terminated: { exitCode: 137, reason: "OOMKilled" } } }] });
    expect(statusOf("c")).toMatchObject({ reason: "Evicted", message: "The node was low on resource: memory." });
  });

  it("fails a pod whose activeDeadlineSeconds passes (DeadlineExceeded)", async () => {
    api.state.scriptImage("slow:1", { runForever: true });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("d", "slow:1", { activeDeadlineSeconds: 3 }) });
    await expect.poll(() => phaseOf("d")).toBe("Failed");
    expect(statusOf("d")).toMatchObject({ reason: "DeadlineExceeded" });
  });

  it("keeps unschedulable and image-pull-failing pods Pending with the scheduler's and kubelet's reasons", async () => {
    api.state.scriptImage("big:1", { unschedulable: "0/3 nodes are available: 3 Insufficient nvidia.com/gpu." });
    api.state.scriptImage("typo:1", { imagePullError: 'rpc error: code = NotFound desc = failed to pull and unpack image "typo:1"' });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("u", "big:1") });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("i", "typo:1") });
    await expect
      .poll(() => statusOf("u").conditions)
      .toEqual([expect.objectContaining({ type: "PodScheduled", status: "False", reason: "Unschedulable" })]);
    await expect
      .poll(() => (statusOf("i") as { containerStatuses?: { state: { waiting?: { reason: string } } }[] }).containerStatuses?.[0]?.state.waiting?.reason)
      .toBe("ImagePullBackOff");
    expect(phaseOf("i")).toBe("Pending");
    const logs = await rejection(new Log(api.kubeConfig).log("team-a", "i", "task", new PassThrough(), { follow: false }));
    expect(logs).toMatchObject({ code: 400 });
  });

  it("holds a container whose Secret key is missing in CreateContainerConfigError until the key exists", async () => {
    const body = pod("s", "ok:1");
    body.spec!.containers[0]!.env = [{ name: "TOKEN", valueFrom: { secretKeyRef: { name: "creds", key: "token" } } }];
    await core.createNamespacedPod({ namespace: "team-a", body });
    const waiting = () => (statusOf("s") as { containerStatuses?: { state: { waiting?: { message?: string } } }[] }).containerStatuses?.[0]?.state.waiting?.message;
    await expect.poll(waiting).toBe('secret "creds" not found');
    await core.createNamespacedSecret({ namespace: "team-a", body: { metadata: { name: "creds" }, data: {} } });
    await expect.poll(waiting).toBe("couldn't find key token in Secret team-a/creds");
    await core.replaceNamespacedSecret({
      name: "creds",
      namespace: "team-a",
      body: { metadata: { name: "creds" }, data: { token: Buffer.from("t").toString("base64") } },
    });
    await expect.poll(() => phaseOf("s")).toBe("Succeeded");
  });

  it("streams logs with follow=true until the container exits, with timestamps and sinceTime", async () => {
    api.state.scriptImage("chatty:1", { logs: ["one", "two", "three"], lineIntervalMs: 30 });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("l", "chatty:1") });
    await expect.poll(() => phaseOf("l")).toBe("Running");
    const out = new PassThrough();
    let text = "";
    out.on("data", (chunk: Buffer) => (text += chunk.toString()));
    const ended = new Promise((resolve) => out.on("finish", resolve));
    await new Log(api.kubeConfig).log("team-a", "l", "task", out, { follow: true, timestamps: true });
    await ended;
    const lines = text.trimEnd().split("\n");
    expect(lines.map((l) => l.slice(l.indexOf(" ") + 1))).toEqual(["one", "two", "three"]);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z one$/);

    const second = lines[1]!.slice(0, lines[1]!.indexOf(" "));
    const since = new PassThrough();
    let rest = "";
    since.on("data", (chunk: Buffer) => (rest += chunk.toString()));
    const done = new Promise((resolve) => since.on("finish", resolve));
    await new Log(api.kubeConfig).log("team-a", "l", "task", since, { follow: false, sinceTime: second });
    await done;
    expect(rest).toBe("two\nthree\n");
  });

  it("lets a test drive pod status through the status subresource, and lists by field selector", async () => {
    api.state.scriptImage("slow:1", { runForever: true });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("st", "slow:1") });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("other", "slow:1") });
    await expect.poll(() => phaseOf("st")).toBe("Running");
    const patched = await core.patchNamespacedPodStatus(
      { name: "st", namespace: "team-a", body: { status: { phase: "Failed", reason: "NodeLost", message: "node fake-node-1 is gone" } } },
      setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch),
    );
    expect(patched.status).toMatchObject({ phase: "Failed", reason: "NodeLost" });
    expect(patched.spec?.containers[0]?.image).toBe("slow:1");
    const failed = await core.listNamespacedPod({ namespace: "team-a", fieldSelector: "status.phase=Failed" });
    expect(failed.items.map((p) => p.metadata?.name)).toEqual(["st"]);
    const byName = await core.listPodForAllNamespaces({ fieldSelector: "metadata.name=other", labelSelector: "app=t" });
    expect(byName.items.map((p) => p.metadata?.name)).toEqual(["other"]);
  });

  it("refuses pod spec changes other than the mutable fields (422)", async () => {
    const created = await core.createNamespacedPod({ namespace: "team-a", body: pod("imm", "ok:1") });
    // No resourceVersion: an unconditional update (the pod's status keeps changing underneath).
    const changed = { ...created, metadata: { ...created.metadata, resourceVersion: undefined }, spec: { ...created.spec!, restartPolicy: "Always" } };
    const refused = await rejection(core.replaceNamespacedPod({ name: "imm", namespace: "team-a", body: changed }));
    expect(refused.code).toBe(422);
    expect(refused.message).toContain("pod updates may not change fields other than");
  });

  it("deletes a running pod gracefully: deletionTimestamp first, then gone", async () => {
    api.state.scriptImage("slow:1", { runForever: true });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("g", "slow:1") });
    await expect.poll(() => phaseOf("g")).toBe("Running");
    const deleted = await core.deleteNamespacedPod({ name: "g", namespace: "team-a" });
    expect(deleted.metadata?.deletionTimestamp).toBeTruthy();
    await expect.poll(() => api.state.get("pods", "team-a", "g")).toBeUndefined();
  });
});

describe("fake Kubernetes API: admission", () => {
  beforeEach(async () => {
    await core.createNamespacedLimitRange({
      namespace: "team-a",
      body: {
        metadata: { name: "limits" },
        spec: {
          limits: [
            { type: "Container", _default: { cpu: "1", memory: "1Gi" }, defaultRequest: { cpu: "500m", memory: "512Mi" }, max: { cpu: "2", memory: "4Gi" } },
            { type: "Pod", max: { cpu: "2", memory: "4Gi" } },
          ],
        },
      },
    });
    await core.createNamespacedResourceQuota({
      namespace: "team-a",
      body: {
        metadata: { name: "quota" },
        spec: { hard: { "requests.cpu": "2", "limits.cpu": "3", "requests.memory": "4Gi", "limits.memory": "4Gi", pods: "3", "requests.nvidia.com/gpu": "1" } },
      },
    });
    api.state.scriptImage("slow:1", { runForever: true });
  });

  it("fills in LimitRange defaults", async () => {
    const created = await core.createNamespacedPod({ namespace: "team-a", body: pod("d", "slow:1") });
    expect(created.spec?.containers[0]?.resources).toEqual({
      limits: { cpu: "1", memory: "1Gi" },
      requests: { cpu: "500m", memory: "512Mi" },
    });
  });

  it("rejects a request above the default limit (422) and a limit above the maximum (403)", async () => {
    const above = await rejection(core.createNamespacedPod({ namespace: "team-a", body: pod("r", "slow:1", {}, { requests: { cpu: "1500m" } }) }));
    expect(above.code).toBe(422);
    expect(above.message).toContain("must be less than or equal to cpu limit of 1");
    const max = await rejection(core.createNamespacedPod({ namespace: "team-a", body: pod("m", "slow:1", {}, { limits: { cpu: "3" } }) }));
    expect(max).toEqual({ code: 403, message: 'pods "m" is forbidden: maximum cpu usage per Container is 2, but limit is 3' });
  });

  it("rejects pods beyond the ResourceQuota with 403 exceeded quota and admits them again once pods finish", async () => {
    const two = { requests: { cpu: "1" }, limits: { cpu: "1500m" } };
    await core.createNamespacedPod({ namespace: "team-a", body: pod("q1", "slow:1", {}, two) });
    await core.createNamespacedPod({ namespace: "team-a", body: pod("q2", "slow:1", {}, two) });
    const third = await rejection(core.createNamespacedPod({ namespace: "team-a", body: pod("q3", "slow:1", {}, two) }));
    expect(third).toEqual({
      code: 403,
      message:
        'pods "q3" is forbidden: exceeded quota: quota, requested: limits.cpu=1500m,requests.cpu=1, used: limits.cpu=3,requests.cpu=2, limited: limits.cpu=3,requests.cpu=2',
    });
    await core.deleteNamespacedPod({ name: "q1", namespace: "team-a", gracePeriodSeconds: 0 });
    const gpus = await rejection(
      core.createNamespacedPod({ namespace: "team-a", body: pod("g", "slow:1", {}, { requests: { cpu: "0" }, limits: { "nvidia.com/gpu": "2" } }) }),
    );
    expect(gpus.message).toBe(
      'pods "g" is forbidden: exceeded quota: quota, requested: requests.nvidia.com/gpu=2, used: requests.nvidia.com/gpu=0, limited: requests.nvidia.com/gpu=1',
    );
    await core.createNamespacedPod({ namespace: "team-a", body: pod("q3", "slow:1", {}, two) });
    const quota = await core.readNamespacedResourceQuota({ name: "quota", namespace: "team-a" });
    expect(quota.status?.used).toMatchObject({ "requests.cpu": "2", pods: "2" });
  });
});

describe("fake Kubernetes API: Pod Security Admission", () => {
  it("rejects pods that violate the namespace's restricted profile and admits compliant ones", async () => {
    await core.createNamespace({ body: { metadata: { name: "locked", labels: { "pod-security.kubernetes.io/enforce": "restricted" } } } });
    const loose = await rejection(core.createNamespacedPod({ namespace: "locked", body: pod("loose", "ok:1") }));
    expect(loose.code).toBe(403);
    expect(loose.message).toBe(
      'pods "loose" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "task" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "task" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (container "task" must set securityContext.runAsNonRoot=true), seccompProfile (container "task" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    const strict = pod("strict", "ok:1", { securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } } });
    strict.spec!.containers[0]!.securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } };
    await core.createNamespacedPod({ namespace: "locked", body: strict });
    const hostPath = { ...strict, metadata: { name: "host" }, spec: { ...strict.spec!, volumes: [{ name: "root", hostPath: { path: "/" } }] } };
    const withHostPath = await rejection(core.createNamespacedPod({ namespace: "locked", body: hostPath }));
    expect(withHostPath.message).toContain('restricted volume types (volumes "root" use a type the restricted profile forbids)');
  });
});
