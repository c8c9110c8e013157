import type { FakeObjectStore } from "./fake-object-store";
import type { FaultInjector } from "./fault-injector";
import type { PodLifecycle } from "./play-pod-lifecycle";
import type { PodLogBuffer } from "./pod-log-buffer";
import type { RecordedRequest } from "./recorded-request";

/** Everything a request handler of the double works with. */
export interface KubeRequestContext {
  store: FakeObjectStore;
  logs: PodLogBuffer;
  lifecycle: PodLifecycle;
  faults: FaultInjector;
  requests: RecordedRequest[];
  podGracePeriodMs: number;
  namespaceDeletionMs: number;
  bookmarkIntervalMs: number;
  /** Timers of deletions in progress, cleared on close. */
  timers: Set<NodeJS.Timeout>;
}

