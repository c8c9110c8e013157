import type { FakeObjectStore } from "./fake-object-store";
import { nowTimestamp, type KubeObject } from "./kube-object";
import type { PodLogBuffer } from "./pod-log-buffer";
import { isTerminalPod } from "./pod-resource-usage";
import type { PodScript } from "./pod-script";

interface ContainerSpec {
  name: string;
  image: string;
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}

interface PodSpecLike {
  containers: ContainerSpec[];
  activeDeadlineSeconds?: number;
  nodeName?: string;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}

interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: Record<string, Record<string, unknown>>;
}

interface PodStatusLike {
  phase: string;
  reason?: string;
  message?: string;
  startTime?: string;
  hostIP?: string;
  podIP?: string;
  conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime: string }[];
  containerStatuses?: ContainerStatus[];
}

export interface PodLifecycleOptions {
  store: FakeObjectStore;
  logs: PodLogBuffer;
  scriptFor: (pod: KubeObject) => PodScript;
  /** Real milliseconds per "second" of activeDeadlineSeconds. */
  msPerSecond: number;
}

const podKeyOf = (namespace: string, name: string) => `${namespace}/${name}`;
const CONFIG_RETRY_MS = 25;

/**
 * Plays the kubelet and scheduler for every pod: Pending → Running →
 * Succeeded/Failed as the pod's script says (unschedulable, image pull
 * errors, config errors, OOMKilled, eviction, activeDeadlineSeconds), writing
 * status updates through the store so watches see each change.
 */
export function createPodLifecycle(options: PodLifecycleOptions) {
  const { store, logs } = options;
  const timers = new Map<string, Set<NodeJS.Timeout>>();

  function later(podKey: string, ms: number, action: () => void): void {
    const set = timers.get(podKey) ?? new Set();
    timers.set(podKey, set);
    const timer = setTimeout(() => {
      set.delete(timer);
      action();
    }, ms);
    set.add(timer);
  }

  function stop(podKey: string): void {
    for (const timer of timers.get(podKey) ?? []) clearTimeout(timer);
    timers.delete(podKey);
  }

  /** Changes the stored pod's status; false when the pod is gone, being deleted or already finished. */
  function mutate(namespace: string, name: string, change: (status: PodStatusLike, spec: PodSpecLike) => void): boolean {
    const pod = store.get("pods", namespace, name);
    if (!pod || pod.metadata.deletionTimestamp || isTerminalPod(pod)) return false;
    change(pod.status as PodStatusLike, pod.spec as PodSpecLike);
    store.update("pods", pod);
    return true;
  }

  function condition(status: PodStatusLike, type: string, value: "True" | "False", reason?: string, message?: string) {
    const conditions = (status.conditions ??= []).filter((c) => c.type !== type);
    conditions.push({ type, status: value, ...(reason ? { reason } : {}), ...(message ? { message } : {}), lastTransitionTime: nowTimestamp() });
    status.conditions = conditions;
  }

  function configError(pod: KubeObject, script: PodScript): string | undefined {
    const spec = pod.spec as PodSpecLike;
    const namespace = pod.metadata.namespace!;
    for (const container of spec.containers) {
      const runAsNonRoot = container.securityContext?.runAsNonRoot ?? spec.securityContext?.runAsNonRoot;
      const runAsUser = container.securityContext?.runAsUser ?? spec.securityContext?.runAsUser;
      if (script.imageRunsAsRoot && runAsNonRoot && runAsUser === undefined) {
        return `container has runAsNonRoot and image will run as root (pod: "${pod.metadata.name}_${namespace}(${pod.metadata.uid})", container: ${container.name})`;
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (!ref || ref.optional) continue;
        const secret = store.get("secrets", namespace, ref.name);
        if (!secret) return `secret "${ref.name}" not found`;
        if (!Object.hasOwn((secret.data ?? {}) as object, ref.key)) return `couldn't find key ${ref.key} in Secret ${namespace}/${ref.name}`;
      }
    }
    return undefined;
  }

  function waiting(status: PodStatusLike, reason: string, message?: string) {
    for (const c of status.containerStatuses ?? []) c.state = { waiting: { reason, ...(message ? { message } : {}) } };
  }

  function finish(
    namespace: string,
    name: string,
    phase: "Succeeded" | "Failed",
    container: { exitCode: number; reason: string } | undefined,
    pod?: { reason: string; message: string },
  ): void {
    const podKey = podKeyOf(namespace, name);
    const changed = mutate(namespace, name, (status) => {
      status.phase = phase;
      if (pod) {
        status.reason = pod.reason;
        status.message = pod.message;
      }
      condition(status, "Ready", "False", "PodCompleted");
      condition(status, "ContainersReady", "False", "PodCompleted");
      for (const c of status.containerStatuses ?? []) {
        const startedAt = c.state.running?.startedAt;
        c.ready = false;
        c.started = false;
        if (container && (c.state.running || phase === "Succeeded" || !pod)) {
          c.state = { terminated: { exitCode: container.exitCode, reason: container.reason, startedAt, finishedAt: nowTimestamp() } };
        }
      }
    });
    if (changed) {
      stop(podKey);
      logs.end(podKey);
    }
  }

  function run(pod: KubeObject, script: PodScript): void {
    const namespace = pod.metadata.namespace!;
    const name = pod.metadata.name;
    const podKey = podKeyOf(namespace, name);
    const running = mutate(namespace, name, (status) => {
      status.phase = "Running";
      condition(status, "ContainersReady", "True");
      condition(status, "Ready", "True");
      for (const c of status.containerStatuses ?? []) {
        c.ready = true;
        c.started = true;
        c.state = { running: { startedAt: nowTimestamp() } };
      }
    });
    if (!running) return;
    const lines = script.logs ?? [];
    const interval = script.lineIntervalMs ?? 0;
    const runMs = Math.max(script.runMs ?? 20, lines.length * interval);
    const startedAt = Date.now();
    /** `action` at `ms` after the container started (at once when that is past). */
    const at = (ms: number, action: () => void) => later(podKey, Math.max(0, startedAt + ms - Date.now()), action);
    const exit = () => {
      if (script.runForever) return;
      at(runMs, () => {
        if (script.evicted !== undefined) {
          finish(namespace, name, "Failed", { exitCode: 137, reason: "Error" }, { reason: "Evicted", message: script.evicted });
        } else if (script.oomKilled) {
          finish(namespace, name, "Failed", { exitCode: 137, reason: "OOMKilled" });
        } else {
          const exitCode = script.exitCode ?? 0;
          finish(namespace, name, exitCode === 0 ? "Succeeded" : "Failed", { exitCode, reason: exitCode === 0 ? "Completed" : "Error" });
        }
      });
    };
    if (interval === 0 || lines.length === 0) {
      for (const line of lines) logs.append(podKey, `${line}\n`);
      exit();
      return;
    }
    // One timer at a time, each armed by the one before: timers of different durations armed together
    // can fire out of order when the event loop lags (a loaded machine), and a container writes its
    // lines in order, and all of them before it exits.
    const write = (i: number): void => {
      logs.append(podKey, `${lines[i]}\n`);
      if (i + 1 < lines.length) at((i + 1) * interval, () => write(i + 1));
      else exit();
    };
    at(0, () => write(0));
  }

  function tryStart(namespace: string, name: string, script: PodScript, pulls = 0): void {
    const podKey = podKeyOf(namespace, name);
    const pod = store.get("pods", namespace, name);
    if (!pod) return;
    const image = (pod.spec as PodSpecLike).containers[0]?.image ?? "";
    if (script.imagePullError !== undefined) {
      const reason = pulls === 0 ? "ErrImagePull" : "ImagePullBackOff";
      const message = pulls === 0 ? script.imagePullError : `Back-off pulling image "${image}": ${script.imagePullError}`;
      mutate(namespace, name, (status) => waiting(status, reason, message));
      if (pulls === 0) later(podKey, (script.startMs ?? 5) * 2, () => tryStart(namespace, name, script, 1));
      return;
    }
    const problem = configError(pod, script);
    if (problem) {
      mutate(namespace, name, (status) => waiting(status, "CreateContainerConfigError", problem));
      later(podKey, CONFIG_RETRY_MS, () => tryStart(namespace, name, script));
      return;
    }
    run(pod, script);
  }

  function schedule(namespace: string, name: string, script: PodScript): void {
    const podKey = podKeyOf(namespace, name);
    if (script.unschedulable !== undefined) {
      const message = script.unschedulable;
      mutate(namespace, name, (status) => condition(status, "PodScheduled", "False", "Unschedulable", message));
      return;
    }
    let deadline: number | undefined;
    const scheduled = mutate(namespace, name, (status, spec) => {
      spec.nodeName = "fake-node-1";
      status.startTime = nowTimestamp();
      status.hostIP = "10.0.0.1";
      status.podIP = "10.244.0.10";
      condition(status, "PodScheduled", "True");
      condition(status, "Initialized", "True");
      condition(status, "ContainersReady", "False", "ContainersNotReady");
      condition(status, "Ready", "False", "ContainersNotReady");
      status.containerStatuses = spec.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: "",
        ready: false,
        started: false,
        restartCount: 0,
        state: { waiting: { reason: "ContainerCreating" } },
      }));
      deadline = spec.activeDeadlineSeconds;
    });
    if (!scheduled) return;
    if (deadline !== undefined) {
      later(podKey, deadline * options.msPerSecond, () =>
        finish(namespace, name, "Failed", { exitCode: 137, reason: "Error" }, {
          reason: "DeadlineExceeded",
          message: "Pod was active on the node longer than the specified deadline",
        }),
      );
    }
    later(podKey, script.startMs ?? 5, () => tryStart(namespace, name, script));
  }

  return {
    /** Starts playing a newly created pod. */
    start(pod: KubeObject): void {
      const script = options.scriptFor(pod);
      const { namespace, name } = pod.metadata;
      later(podKeyOf(namespace!, name), script.scheduleMs ?? 5, () => schedule(namespace!, name, script));
    },
    /** The pod is being deleted: nothing more happens to it. */
    stop(namespace: string, name: string): void {
      stop(podKeyOf(namespace, name));
    },
    stopAll(): void {
      for (const key of [...timers.keys()]) stop(key);
    },
  };
}

export type PodLifecycle = ReturnType<typeof createPodLifecycle>;
export { podKeyOf };
