import { CoreV1Api, Watch, type KubeConfig, type V1Pod } from "@kubernetes/client-node";
import type { Logger } from "pino";
import { describeKubeError } from "../api/kube-api-error";
import { withApiRetries, type RetryPolicy } from "../api/with-api-retries";
import { toPlain } from "../provision/compare-owned-fields";

export type PodEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface PodWatchHandlers {
  /** A full list (first start and every resync): every matching pod; `listedAt` orders it against launches. */
  onList(pods: V1Pod[], listedAt: number): void;
  onEvent(type: PodEventType, pod: V1Pod): void;
}

export interface PodWatchState {
  /** True between a successful list and the end of the watch that follows it. */
  connected: boolean;
  /** Why it is not connected (the last error or why the watch ended). */
  problem?: string;
}

export interface PodWatch {
  /** Resolves after the first successful list. */
  ready: Promise<void>;
  /** Whether the list + watch is up now (for readiness probes). */
  state(): PodWatchState;
  stop(): void;
}

export interface PodWatchOptions {
  retry: RetryPolicy;
  /** Backoff between resyncs that fail or end quickly. */
  minResyncDelayMs: number;
  maxResyncDelayMs: number;
  /** Monotonic clock shared with launches (so a list can be ordered against pod creations). */
  clock: () => number;
  logger: Logger;
  /** Called each time the watch ended or a list failed and it lists again (for a restart counter). Must not throw. */
  onRestart?: (why: string) => void;
}

/**
 * One list + watch over all pods matching `labelSelector` in every
 * namespace: list, hand the snapshot over, then watch from the list's
 * resourceVersion. Whenever the watch ends — dropped connection, 410 Gone,
 * server timeout — it lists again (a resync, so nothing that happened while
 * disconnected is missed) and watches from there.
 */
export function watchManagedPods(kubeConfig: KubeConfig, labelSelector: string, handlers: PodWatchHandlers, options: PodWatchOptions): PodWatch {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  let stopped = false;
  let controller: AbortController | undefined;
  let wake: (() => void) | undefined;
  let markReady!: () => void;
  let state: PodWatchState = { connected: false, problem: "the first list of pods has not been taken yet" };
  const restarted = (why: string) => {
    state = { connected: false, problem: why };
    try {
      options.onRestart?.(why);
    } catch {
      // a metrics hook must not stop the watch
    }
  };
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function watchFrom(resourceVersion: string | undefined): Promise<string> {
    return new Promise<string>((resolve) => {
      let settled = false;
      const finish = (why: string) => {
        if (settled) return;
        settled = true;
        resolve(why);
      };
      new Watch(kubeConfig)
        .watch(
          "/api/v1/pods",
          { labelSelector, allowWatchBookmarks: true, ...(resourceVersion ? { resourceVersion } : {}) },
          (type: string, object: unknown) => {
            if (type === "ADDED" || type === "MODIFIED" || type === "DELETED") handlers.onEvent(type, object as V1Pod);
            else if (type === "ERROR") {
              const status = object as { code?: number; message?: string };
              controller?.abort();
              finish(`watch error ${status.code ?? "?"}: ${status.message ?? ""}`);
            }
          },
          (error: unknown) => finish(error ? `watch closed: ${describeKubeError(error)}` : "watch closed by the server"),
        )
        .then((c) => {
          controller = c;
          if (stopped || settled) c.abort();
        })
        .catch((error: unknown) => finish(`watch failed: ${describeKubeError(error)}`));
    });
  }

  async function run(): Promise<void> {
    let quickEnds = 0;
    while (!stopped) {
      const started = Date.now();
      try {
        const listedAt = options.clock();
        const list = await withApiRetries(() => core.listPodForAllNamespaces({ labelSelector }), options.retry);
        if (stopped) return;
        handlers.onList(list.items.map((pod) => toPlain(pod)), listedAt);
        markReady();
        state = { connected: true };
        const why = await watchFrom(list.metadata?.resourceVersion);
        if (stopped) return;
        options.logger.info({ why }, "pod watch ended; listing again to resync");
        restarted(why);
      } catch (error) {
        if (stopped) return;
        options.logger.warn({ err: error }, "could not list managed pods; retrying");
        restarted(`could not list pods: ${describeKubeError(error)}`);
      }
      quickEnds = Date.now() - started < 1000 ? quickEnds + 1 : 0;
      const delay = quickEnds === 0 ? 0 : Math.min(options.minResyncDelayMs * 2 ** (quickEnds - 1), options.maxResyncDelayMs);
      if (delay > 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, delay);
        });
        wake = undefined;
      }
    }
  }

  void run();
  return {
    ready,
    state: () => state,
    stop() {
      stopped = true;
      state = { connected: false, problem: "stopped" };
      controller?.abort();
      wake?.();
    },
  };
}
