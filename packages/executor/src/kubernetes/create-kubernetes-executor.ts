import { CoreV1Api, type V1Pod } from "@kubernetes/client-node";
import pino from "pino";
import type { Executor, ExecutorEvents, ExecutorHealthCheck, LaunchRequest, LogStreamName, TaskOutcome } from "../executor";
import { createTokenBucket } from "./api/create-token-bucket";
import { describeKubeError } from "./api/kube-api-error";
import { keyOfPod, launchRequestFromPod } from "./executor/launch-request-from-pod";
import { createTaskPod } from "./executor/create-task-pod";
import { createPodCleanup } from "./executor/pod-cleanup";
import { createPodUsageSampler } from "./executor/sample-pod-usage";
import { loadDefaultKubeConfig } from "./executor/load-default-kube-config";
import { resolveExecutorNumbers, type KubernetesExecutorOptions } from "./executor/kubernetes-executor-options";
import { TaskPodTracker, type TrackerContext } from "./executor/task-pod-tracker";
import { watchManagedPods, type PodEventType, type PodWatchState } from "./executor/watch-managed-pods";
import { taskLogFields } from "../task-log-fields";
import { toLabelValue } from "./names/to-label-value";
import { MANAGED_SELECTOR, OWNER_LABEL, REPORTED_LABEL } from "./names/updraft-labels";
import { buildTaskPod } from "./pods/build-task-pod";
import type { TaskPodInput } from "./pods/task-pod-input";

export interface KubernetesExecutor extends Executor {
  /** Resolves once the first list of existing pods was taken (running ones adopted, finished ones reported). */
  adopt(): Promise<void>;
  /** Stops following the pods and leaves them running (as shutdown() does); resolves with the keys of the running ones. */
  detach(): Promise<string[]>;
  /** `kubernetes_watch`: whether the pod watch is connected. */
  health(): Record<string, ExecutorHealthCheck>;
  /** Whether the pod watch is connected now, and if not, why. */
  watchState(): PodWatchState;
}

/**
 * Runs every task try as a pod in its tenant's namespace
 * (`UPDRAFT_EXECUTOR=kubernetes`). One watch over Updraft's pods turns
 * phase changes into log lines and exactly one onExit per key; logs are
 * streamed while the pod runs; pod creation is rate limited. On start it
 * adopts the pods a previous scheduler left running, and shutdown() leaves
 * pods running for the next one.
 */
export function createKubernetesExecutor(events: ExecutorEvents, options: KubernetesExecutorOptions = {}): KubernetesExecutor {
  const numbers = resolveExecutorNumbers(options);
  const logger = options.logger ?? pino({ name: "kubernetes-executor" });
  const kubeConfig = options.kubeConfig ?? loadDefaultKubeConfig();
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const bucket = createTokenBucket({ qps: numbers.createQps, burst: numbers.createBurst });
  const trackers = new Map<string, TaskPodTracker>();
  /** Keys whose outcome was reported and whose pod may still exist: later events for them are only cleanup. */
  const reported = new Set<string>();
  const inFlightReports = new Set<Promise<void>>();
  let shuttingDown = false;
  let tick = 0;
  const clock = () => ++tick;

  const selector = [
    MANAGED_SELECTOR,
    `!${REPORTED_LABEL}`,
    ...(options.ownerId !== undefined ? [`${OWNER_LABEL}=${toLabelValue(options.ownerId)}`] : []),
  ].join(",");

  function emitLog(req: LaunchRequest, stream: LogStreamName, text: string): void {
    try {
      events.onLog(req, stream, text);
    } catch (error) {
      logger.error({ err: error, key: req.key, ...taskLogFields(req) }, "onLog handler threw; log text dropped");
    }
  }

  async function report(req: LaunchRequest, outcome: TaskOutcome): Promise<void> {
    if (reported.has(req.key)) return;
    reported.add(req.key);
    const running = (async () => {
      try {
        await events.onExit(req, outcome);
      } catch (error) {
        logger.error({ err: error, key: req.key, ...taskLogFields(req) }, "onExit handler failed");
      }
    })();
    inFlightReports.add(running);
    await running;
    inFlightReports.delete(running);
  }

  const { deletePod, markReported } = createPodCleanup(core, numbers.apiRetry, logger);
  const samplePodUsage = createPodUsageSampler(kubeConfig, logger.child({ component: "pod-metrics" }));

  async function storedLogLines(req: LaunchRequest): Promise<number> {
    if (!events.storedLogLines) return 0;
    try {
      const count = await events.storedLogLines(req);
      if (Number.isInteger(count) && count >= 0) return count;
      logger.warn({ key: req.key, ...taskLogFields(req), count }, "storedLogLines did not return a line count; delivering the adopted pod's whole log");
    } catch (error) {
      logger.warn({ err: error, key: req.key, ...taskLogFields(req) }, "could not count the stored log lines; delivering the adopted pod's whole log (earlier lines may repeat)");
    }
    return 0;
  }

  const context: TrackerContext = {
    kubeConfig,
    numbers,
    keepFailedPods: options.keepFailedPods ?? false,
    ...(options.killGracePeriodSeconds !== undefined ? { killGracePeriodSeconds: options.killGracePeriodSeconds } : {}),
    log: emitLog,
    report,
    deletePod,
    markReported,
    storedLogLines,
    clock,
  };

  function track(req: LaunchRequest, namespace: string, name: string, startedElsewhere: boolean | Promise<boolean>): TaskPodTracker {
    const tracker = new TaskPodTracker(req, namespace, name, context, startedElsewhere);
    trackers.set(req.key, tracker);
    void tracker.done.then(() => {
      if (trackers.get(req.key) === tracker) trackers.delete(req.key);
    });
    return tracker;
  }

  /** A pod seen in a list or watch event. */
  function observePod(pod: V1Pod): void {
    const key = keyOfPod(pod);
    if (!key || shuttingDown) return;
    const tracker = trackers.get(key);
    if (tracker) {
      tracker.observe(pod);
      return;
    }
    if (reported.has(key)) {
      // Reported already; make sure a finished pod does not linger (an earlier delete may have failed).
      const phase = pod.status?.phase;
      const kept = phase === "Failed" && context.keepFailedPods;
      if ((phase === "Succeeded" || phase === "Failed") && !kept && !pod.metadata?.deletionTimestamp) {
        void deletePod(pod.metadata!.namespace!, pod.metadata!.name!, 0);
      }
      return;
    }
    const req = launchRequestFromPod(pod);
    if (!req) {
      logger.warn({ pod: `${pod.metadata?.namespace}/${pod.metadata?.name}` }, "a managed pod without a valid launch annotation; ignoring it");
      return;
    }
    const adopted = track(req, pod.metadata!.namespace!, pod.metadata!.name!, true);
    emitLog(req, "SYSTEM", `Resumed tracking pod ${adopted.namespace}/${adopted.name} after a scheduler restart\n`);
    adopted.observe(pod);
  }

  function podGone(pod: V1Pod): void {
    const key = keyOfPod(pod);
    if (!key) return;
    reported.delete(key);
    trackers.get(key)?.gone(pod);
  }

  const watch = watchManagedPods(
    kubeConfig,
    selector,
    {
      onList(pods, listedAt) {
        const present = new Set<string>();
        for (const pod of pods) {
          const key = keyOfPod(pod);
          if (key) present.add(key);
          observePod(pod);
        }
        for (const tracker of [...trackers.values()]) {
          if (!present.has(tracker.key) && tracker.confirmedAt !== undefined && tracker.confirmedAt < listedAt) tracker.gone();
        }
        for (const key of [...reported]) if (!present.has(key) && !trackers.has(key)) reported.delete(key);
      },
      onEvent(type: PodEventType, pod) {
        if (type === "DELETED") podGone(pod);
        else observePod(pod);
      },
    },
    {
      retry: numbers.apiRetry,
      minResyncDelayMs: numbers.minResyncDelayMs,
      maxResyncDelayMs: numbers.maxResyncDelayMs,
      clock,
      logger: logger.child({ component: "pod-watch" }),
      ...(options.onWatchRestart ? { onRestart: options.onWatchRestart } : {}),
    },
  );

  function runningKeys(): string[] {
    return [...trackers.values()].filter((t) => t.state === "active").map((t) => t.key);
  }

  async function shutdown(): Promise<void> {
    shuttingDown = true;
    watch.stop();
    bucket.close(new Error("The Kubernetes executor is shutting down and does not start new tasks."));
    for (const tracker of trackers.values()) tracker.detach();
    await Promise.allSettled([...inFlightReports]);
  }

  return {
    name: "kubernetes",
    adopt: () => watch.ready,
    watchState: () => watch.state(),
    health() {
      const state = watch.state();
      return {
        kubernetes_watch: state.connected ? { ok: true } : { ok: false, message: `the pod watch is not connected: ${state.problem ?? "unknown"}` },
      };
    },

    async launch(req) {
      if (shuttingDown) throw new Error("The Kubernetes executor is shutting down and does not start new tasks.");
      const existing = trackers.get(req.key);
      if (existing) {
        if (existing.state === "active") existing.req = req;
        return { adopted: true };
      }
      if (reported.has(req.key)) return { adopted: true };

      const input: TaskPodInput = req;
      const tenant = await options.tenantSettings?.(req);
      const built = buildTaskPod(input, { ...(tenant ? { tenant } : {}), ...(options.ownerId !== undefined ? { ownerId: options.ownerId } : {}) });
      if (!built.ok) {
        const tracker = new TaskPodTracker(req, "", "", context);
        setImmediate(() => void tracker.failBeforeStart(built.reason));
        return { adopted: false };
      }
      // Whether the pod already existed (409: started by an earlier process) is known once the create call answers;
      // a watch event may reach the tracker before that, so its log waits for the answer.
      let settleOrigin!: (startedElsewhere: boolean) => void;
      const origin = new Promise<boolean>((resolve) => (settleOrigin = resolve));
      const tracker = track(req, built.namespace, built.name, origin);
      for (const note of built.notes) emitLog(req, "SYSTEM", `${note}\n`);
      try {
        await bucket.take();
        const result = await createTaskPod(core, built.pod, req, numbers.apiRetry);
        settleOrigin(result.kind === "adopted");
        if (result.kind === "rejected") {
          setImmediate(() => void tracker.failBeforeStart(result.reason));
          return { adopted: false };
        }
        if (tracker.state !== "active") {
          // killed while the pod was being created
          await deletePod(built.namespace, built.name, 0);
          return { adopted: result.kind === "adopted" };
        }
        emitLog(
          req,
          "SYSTEM",
          result.kind === "created"
            ? `Created pod ${built.namespace}/${built.name} (image ${built.pod.spec!.containers[0]!.image})\n`
            : `Adopted the existing pod ${built.namespace}/${built.name}\n`,
        );
        tracker.observe(result.pod);
        return { adopted: result.kind === "adopted" };
      } catch (error) {
        trackers.delete(req.key);
        tracker.detach();
        logger.warn({ key: req.key, ...taskLogFields(req), err: error }, `could not launch: ${describeKubeError(error)}`);
        throw error;
      } finally {
        settleOrigin(false);
      }
    },

    async kill(key, reason) {
      const tracker = trackers.get(key);
      if (!tracker) return;
      await tracker.kill(reason);
    },

    runningKeys,

    sampleUsage() {
      const active = [...trackers.values()].filter((t) => t.state === "active" && t.namespace !== "");
      return samplePodUsage(active.map((t) => ({ key: t.key, namespace: t.namespace, name: t.name })));
    },

    // Pods outlive the executor either way: shutdown() leaves them running too.
    shutdown,

    async detach() {
      const keys = runningKeys();
      await shutdown();
      return keys;
    },
  };
}
