import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { FakeObjectStore } from "./fake-object-store";
import { FaultInjector } from "./fault-injector";
import { createKubeRequestHandler, type KubeRequestContext } from "./handle-kube-request";
import type { KubeObject } from "./kube-object";
import { createPodLifecycle, podKeyOf } from "./play-pod-lifecycle";
import { PodLogBuffer } from "./pod-log-buffer";
import { DEFAULT_POD_SCRIPT, type PodScript } from "./pod-script";
import type { RecordedRequest } from "./recorded-request";
import { apiVersionOf, resourceKindByName } from "./resource-kinds";

export interface FakeKubeApiOptions {
  /** Real milliseconds per "second" of `activeDeadlineSeconds`. Default 1000. */
  msPerSecond?: number;
  /** How long a gracefully deleted running pod lingers (deletionTimestamp set) before it is gone. Default 10. */
  podGracePeriodMs?: number;
  /** How long a deleted namespace stays Terminating before it and its contents are gone. Default 10. */
  namespaceDeletionMs?: number;
  /** BOOKMARK events on watches that allow them, every this many ms. Default 0 (never). */
  bookmarkIntervalMs?: number;
  /** Changes kept for watch resumption; older resourceVersions get 410 Gone. Default 10000. */
  watchHistoryLimit?: number;
  /** How pods play out, by container image. */
  podScripts?: Record<string, PodScript>;
  /** For images without a script. Default: run 20 ms, exit 0. */
  defaultPodScript?: PodScript;
  /** Serve metrics.k8s.io (PodMetrics of running pods, from their script's `usage`). Default true; false answers 404 like a cluster without metrics-server. */
  metricsServer?: boolean;
}

/** What tests can see and change behind the API's back ("by hand", no validation, no recording). */
export interface FakeKubeState {
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string): KubeObject[];
  /** Creates or replaces an object directly (watchers see ADDED/MODIFIED). */
  put(resource: string, object: Omit<KubeObject, "apiVersion" | "kind"> & Partial<Pick<KubeObject, "apiVersion" | "kind">>): KubeObject;
  /** Deletes an object directly and at once (watchers see DELETED). */
  remove(resource: string, namespace: string | undefined, name: string): void;
  /** Plays pods of this image with `script`. */
  scriptImage(image: string, script: PodScript): void;
  /** Forgets the watch history: resuming from an older resourceVersion gets 410 Gone. */
  compactWatchHistory(): void;
  /** Everything the pod's container wrote so far. */
  podLog(namespace: string, name: string): string;
  resourceVersion(): string;
}

export interface FakeKubeApi {
  url: string;
  /** A KubeConfig pointing at the double (token auth, plain HTTP on 127.0.0.1). */
  kubeConfig: KubeConfig;
  state: FakeKubeState;
  faults: FaultInjector;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

/**
 * Starts the in-repo Kubernetes API test double on a random loopback port:
 * an HTTP server speaking the API server's REST dialect for the kinds Updraft
 * manages, validating every object against the upstream schemas, enforcing
 * LimitRanges and ResourceQuotas, playing out pod lifecycles and serving
 * watches and logs. Drive it with the real `@kubernetes/client-node`.
 */
export async function startFakeKubeApi(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
  const store = new FakeObjectStore(options.watchHistoryLimit);
  const logs = new PodLogBuffer();
  const faults = new FaultInjector();
  const scripts = new Map(Object.entries(options.podScripts ?? {}));
  const scriptFor = (pod: KubeObject): PodScript => {
    const image = (pod.spec as { containers?: { image?: string }[] }).containers?.[0]?.image ?? "";
    return scripts.get(image) ?? options.defaultPodScript ?? DEFAULT_POD_SCRIPT;
  };
  const lifecycle = createPodLifecycle({ store, logs, scriptFor, msPerSecond: options.msPerSecond ?? 1000 });
  const requests: RecordedRequest[] = [];
  const context: KubeRequestContext = {
    store,
    logs,
    lifecycle,
    scriptFor,
    metricsServer: options.metricsServer ?? true,
    faults,
    requests,
    podGracePeriodMs: options.podGracePeriodMs ?? 10,
    namespaceDeletionMs: options.namespaceDeletionMs ?? 10,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 0,
    timers: new Set(),
  };
  const handle = createKubeRequestHandler(context);
  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: "fake", server: url, skipTLSVerify: true }],
    users: [{ name: "updraft-scheduler", token: "fake-token" }],
    contexts: [{ name: "fake", cluster: "fake", user: "updraft-scheduler" }],
    currentContext: "fake",
  });

  const state: FakeKubeState = {
    get: (resource, namespace, name) => store.get(resource, namespace, name),
    list: (resource, namespace) => store.list(resource, namespace),
    put(resource, object) {
      const kind = resourceKindByName(resource);
      const full = { ...object, apiVersion: apiVersionOf(kind), kind: kind.kind } as KubeObject;
      const existing = store.get(resource, full.metadata.namespace, full.metadata.name);
      return existing ? store.update(resource, full) : store.create(resource, full);
    },
    remove(resource, namespace, name) {
      if (resource === "pods" && namespace) {
        lifecycle.stop(namespace, name);
        logs.forget(podKeyOf(namespace, name));
      }
      store.remove(resource, namespace, name);
    },
    scriptImage: (image, script) => void scripts.set(image, script),
    compactWatchHistory: () => store.compact(),
    podLog: (namespace, name) => logs.text(podKeyOf(namespace, name)),
    resourceVersion: () => String(store.resourceVersion),
  };

  return {
    url,
    kubeConfig,
    state,
    faults,
    requests,
    clearRequests: () => void requests.splice(0),
    async close() {
      lifecycle.stopAll();
      for (const timer of context.timers) clearTimeout(timer);
      faults.dropStreams({ abrupt: true });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
