import { CoreV1Api, Watch, type ApiException } from "@kubernetes/client-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeKubeApi, type FakeKubeApi } from "./start-fake-kube-api";

let api: FakeKubeApi;
let core: CoreV1Api;

beforeEach(async () => {
  api = await startFakeKubeApi({ bookmarkIntervalMs: 20 });
  core = api.kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: "team-a" } } });
  await core.createNamespace({ body: { metadata: { name: "team-b" } } });
});
afterEach(() => api.close());

interface Seen {
  type: string;
  name?: string;
  code?: number;
}

function startWatch(path: string, query: Record<string, string | boolean>) {
  const seen: Seen[] = [];
  let closed: unknown = "open";
  const controller = new Watch(api.kubeConfig).watch(
    path,
    query,
    (type, object: { metadata?: { name?: string }; code?: number }) => seen.push({ type, name: object.metadata?.name, code: object.code }),
    (err) => (closed = err ?? null),
  );
  return { seen, closed: () => closed, stop: async () => (await controller).abort() };
}

const account = (name: string, labels: Record<string, string> = { app: "updraft" }) => ({ metadata: { name, labels } });

describe("fake Kubernetes API: list + watch", () => {
  it("resumes from a list's resourceVersion with ADDED, MODIFIED and DELETED, filtered by label and namespace", async () => {
    await core.createNamespacedServiceAccount({ namespace: "team-a", body: account("before") });
    const list = await core.listServiceAccountForAllNamespaces({ labelSelector: "app=updraft" });
    const watch = startWatch("/api/v1/serviceaccounts", { labelSelector: "app=updraft", resourceVersion: list.metadata!.resourceVersion! });
    await core.createNamespacedServiceAccount({ namespace: "team-b", body: account("sa") });
    await core.createNamespacedServiceAccount({ namespace: "team-a", body: account("other", { app: "web" }) });
    await core.patchNamespacedServiceAccount({ name: "sa", namespace: "team-b", body: [{ op: "add", path: "/metadata/annotations", value: { a: "b" } }] });
    await core.deleteNamespacedServiceAccount({ name: "sa", namespace: "team-b" });
    await expect.poll(() => watch.seen.filter((e) => e.type !== "BOOKMARK")).toEqual([
      { type: "ADDED", name: "sa" },
      { type: "MODIFIED", name: "sa" },
      { type: "DELETED", name: "sa" },
    ]);
    await watch.stop();
  });

  it("sends existing objects as ADDED when no resourceVersion is given, and DELETED when an object stops matching", async () => {
    await core.createNamespacedServiceAccount({ namespace: "team-a", body: account("one") });
    const watch = startWatch("/api/v1/namespaces/team-a/serviceaccounts", { labelSelector: "app=updraft" });
    await expect.poll(() => watch.seen.filter((e) => e.type !== "BOOKMARK")).toEqual([{ type: "ADDED", name: "one" }]);
    await core.patchNamespacedServiceAccount({ name: "one", namespace: "team-a", body: [{ op: "replace", path: "/metadata/labels/app", value: "x" }] });
    await expect.poll(() => watch.seen.filter((e) => e.type !== "BOOKMARK").at(-1)).toEqual({ type: "DELETED", name: "one" });
    await watch.stop();
  });

  it("answers a too-old resourceVersion with an ERROR event carrying 410 Expired", async () => {
    const list = await core.listServiceAccountForAllNamespaces();
    await core.createNamespacedServiceAccount({ namespace: "team-a", body: account("x") });
    api.state.compactWatchHistory();
    const watch = startWatch("/api/v1/serviceaccounts", { resourceVersion: list.metadata!.resourceVersion! });
    await expect.poll(() => watch.seen).toEqual([{ type: "ERROR", name: undefined, code: 410 }]);
    await expect.poll(() => watch.closed()).toBeNull();
  });

  it("sends BOOKMARKs when asked and closes watches when the test drops them", async () => {
    const watch = startWatch("/api/v1/pods", { allowWatchBookmarks: true });
    await expect.poll(() => watch.seen.some((e) => e.type === "BOOKMARK")).toBe(true);
    expect(api.faults.dropStreams()).toBe(1);
    await expect.poll(() => watch.closed()).toBeNull();
  });
});

describe("fake Kubernetes API: fault injection", () => {
  it("fails the next N matching requests with 500 or 429 + Retry-After", async () => {
    api.faults.failNext(2, { status: 429, retryAfterSeconds: 1, match: { verb: "create", resource: "serviceaccounts" } });
    await core.listNamespace();
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        await core.createNamespacedServiceAccount({ namespace: "team-a", body: account(`sa${i}`) });
        codes.push(201);
      } catch (error) {
        codes.push((error as ApiException<string>).code);
        expect((error as ApiException<string>).headers["retry-after"]).toBe("1");
      }
    }
    expect(codes).toEqual([429, 429, 201]);
    api.faults.failNext(1);
    await expect(core.listNamespace()).rejects.toMatchObject({ code: 500 });
    await core.listNamespace();
  });

  it("adds latency to every request", async () => {
    api.faults.setLatency(80);
    const started = Date.now();
    await core.listNamespace();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });
});
