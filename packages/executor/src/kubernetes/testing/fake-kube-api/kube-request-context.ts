import type { FakeObjectStore } from "./fake-object-store";
import type { FaultInjector } from "./fault-injector";
import type { PodLifecycle } from "./play-pod-lifecycle";
import type { PodLogBuffer } from "./pod-log-buffer";
import type { KubeObject } from "./kube-object";
import type { PodScript } from "./pod-script";
import type { RecordedRequest } from "./recorded-request";

/** Everything a request handler of the double works with. */
export interface KubeRequestContext {
  store: FakeObjectStore;
  logs: PodLogBuffer;
  lifecycle: PodLifecycle;
  /** How a pod plays out (its `usage` feeds metrics.k8s.io). */
  scriptFor(pod: KubeObject): PodScript;
  /** Whether metrics.k8s.io is served (a cluster without metrics-server answers 404). */
  metricsServer: boolean;
  faults: FaultInjector;
  requests: RecordedRequest[];
  podGracePeriodMs: number;
  namespaceDeletionMs: number;
  bookmarkIntervalMs: number;
  /** Timers of deletions in progress, cleared on close. */
  timers: Set<NodeJS.Timeout>;
}

