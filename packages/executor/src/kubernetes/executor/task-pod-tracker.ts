import type { KubeConfig, V1Pod } from "@kubernetes/client-node";
import type { LaunchRequest, LogStreamName, TaskOutcome } from "../../executor";
import { TASK_CONTAINER } from "../names/updraft-labels";
import { containerExit, containerHasStarted, describeFinishedPod, describePendingProblem, describeStartFailure, type PendingProblem } from "./describe-pod-state";
import { createPodLogFollower, type PodLogFollower } from "./follow-pod-log";
import { formatDuration } from "./format-duration";
import type { ResolvedExecutorNumbers } from "./kubernetes-executor-options";

/** What a tracker needs from its executor. */
export interface TrackerContext {
  kubeConfig: KubeConfig;
  numbers: ResolvedExecutorNumbers;
  keepFailedPods: boolean;
  killGracePeriodSeconds?: number;
  log(req: LaunchRequest, stream: LogStreamName, text: string): void;
  /** Reports the outcome (exactly once per key); resolves after onExit. */
  report(req: LaunchRequest, outcome: TaskOutcome): Promise<void>;
  /** Deletes the pod (gone already is fine); never throws. */
  deletePod(namespace: string, name: string, gracePeriodSeconds?: number): Promise<void>;
  /** Labels a kept failed pod as reported; never throws. */
  markReported(namespace: string, name: string): Promise<void>;
  /** Complete STDOUT lines already stored for the try (0 when unknown); never throws. */
  storedLogLines(req: LaunchRequest): Promise<number>;
  clock(): number;
}

type TrackerState = "active" | "finishing" | "done";

function secondsBetween(start: unknown, end: unknown): string | undefined {
  const a = start instanceof Date ? start.getTime() : typeof start === "string" ? Date.parse(start) : NaN;
  const b = end instanceof Date ? end.getTime() : typeof end === "string" ? Date.parse(end) : NaN;
  return Number.isFinite(a) && Number.isFinite(b) ? `${((b - a) / 1000).toFixed(1)}s` : undefined;
}

/**
 * Follows one task pod from creation to its outcome: phase changes become
 * SYSTEM log lines, the container's output is streamed once it runs, a pod
 * that cannot be scheduled or started fails the try after a grace period,
 * and a finished pod's outcome is reported after its last log line, then the
 * pod is deleted (or kept and labelled, for failures with keepFailedPods).
 */
export class TaskPodTracker {
  state: TrackerState = "active";
  /** The executor clock when the pod was first known to exist. */
  confirmedAt?: number;
  readonly done: Promise<void>;
  private markDone!: () => void;
  private phase?: string;
  private lastPod?: V1Pod;
  private follower?: PodLogFollower;
  private unschedulableTimer?: NodeJS.Timeout;
  private startFailureTimer?: NodeJS.Timeout;
  private latestProblem?: PendingProblem;
  private readonly noted = new Set<string>();
  private detached = false;

  /**
   * @param startedElsewhere whether the pod was started by another process
   * (adopted after a restart): then the lines of its log that are stored
   * already are not delivered again. May resolve later (a launch learns it
   * from the create call); the log is not read before it does.
   */
  constructor(
    public req: LaunchRequest,
    readonly namespace: string,
    readonly name: string,
    private readonly context: TrackerContext,
    private readonly startedElsewhere: boolean | Promise<boolean> = false,
  ) {
    this.done = new Promise<void>((resolve) => (this.markDone = resolve));
  }

  get key(): string {
    return this.req.key;
  }

  private system(text: string): void {
    this.context.log(this.req, "SYSTEM", `${text}\n`);
  }

  private noteOnce(text: string): void {
    if (this.noted.has(text)) return;
    this.noted.add(text);
    this.system(text);
  }

  private clearTimers(): void {
    clearTimeout(this.unschedulableTimer);
    clearTimeout(this.startFailureTimer);
    this.unschedulableTimer = undefined;
    this.startFailureTimer = undefined;
  }

  private finishWith(): void {
    this.state = "done";
    this.markDone();
  }

  /** The pod as the API server reports it now (create response, list, watch event). */
  observe(pod: V1Pod): void {
    if (this.detached || this.state !== "active") return;
    this.lastPod = pod;
    this.confirmedAt ??= this.context.clock();
    const phase = pod.status?.phase;
    if (phase !== this.phase) {
      this.phase = phase;
      if (phase === "Running") this.system(`Pod is running on node ${pod.spec?.nodeName ?? "?"}`);
    }
    const finished = describeFinishedPod(pod);
    if (finished) {
      void this.complete(finished, pod);
      return;
    }
    if (pod.metadata?.deletionTimestamp) return; // someone else is deleting it: wait for it to go
    if (phase === "Running") {
      this.clearTimers();
      this.startFollowingLogs();
      return;
    }
    this.checkPending(pod);
  }

  private checkPending(pod: V1Pod): void {
    const problem = describePendingProblem(pod);
    this.latestProblem = problem;
    if (!problem) {
      this.clearTimers();
      return;
    }
    const { numbers } = this.context;
    if (problem.kind === "unschedulable") {
      clearTimeout(this.startFailureTimer);
      this.startFailureTimer = undefined;
      this.noteOnce(`Waiting for a node: ${problem.message}`);
      if (this.unschedulableTimer) return;
      const since = pod.status?.conditions?.find((c) => c.type === "PodScheduled")?.lastTransitionTime;
      const sinceMs = since instanceof Date ? since.getTime() : typeof since === "string" ? Date.parse(since) : NaN;
      const waited = Number.isFinite(sinceMs) ? Math.max(0, Date.now() - sinceMs) : 0;
      const remaining = Math.max(0, numbers.unschedulableTimeoutMs - waited);
      this.unschedulableTimer = setTimeout(() => {
        const latest = this.latestProblem?.kind === "unschedulable" ? this.latestProblem.message : problem.message;
        void this.failWhilePending(`unschedulable for ${formatDuration(numbers.unschedulableTimeoutMs)}: ${latest}`);
      }, remaining);
      return;
    }
    clearTimeout(this.unschedulableTimer);
    this.unschedulableTimer = undefined;
    this.noteOnce(`The container cannot start yet: ${problem.reason}${problem.message ? `: ${problem.message}` : ""}`);
    if (problem.fatal) {
      void this.failWhilePending(describeStartFailure(problem, pod));
      return;
    }
    this.startFailureTimer ??= setTimeout(() => {
      const latest = this.latestProblem?.kind === "start-failure" ? this.latestProblem : problem;
      void this.failWhilePending(describeStartFailure(latest, this.lastPod ?? pod));
    }, numbers.startFailureGraceMs);
  }

  private createFollower(): PodLogFollower {
    return createPodLogFollower({
      kubeConfig: this.context.kubeConfig,
      namespace: this.namespace,
      pod: this.name,
      container: TASK_CONTAINER,
      reconnectDelayMs: this.context.numbers.logReconnectDelayMs,
      onText: (text) => this.context.log(this.req, "STDOUT", text),
      onProblem: (message) => this.system(message),
      linesAlreadyDelivered: () => this.linesStoredBeforeAdoption(),
    });
  }

  /** Lines at the start of the pod log that an earlier process delivered already (none for a pod this process started). */
  private async linesStoredBeforeAdoption(): Promise<number> {
    if (!(await this.startedElsewhere)) return 0;
    const count = await this.context.storedLogLines(this.req);
    if (count > 0) this.system(`Skipping the first ${count} lines of the pod log: they were stored before the restart`);
    return count;
  }

  private startFollowingLogs(): void {
    this.follower ??= this.createFollower();
    this.follower.follow();
  }

  /** The pod stopped without finishing by itself (unschedulable, image or config errors): delete it, fail the try. */
  private async failWhilePending(reason: string): Promise<void> {
    if (this.detached || this.state !== "active") return;
    this.state = "finishing";
    this.clearTimers();
    this.follower?.stop();
    this.system(`Deleting pod ${this.namespace}/${this.name}: ${reason}`);
    await this.context.deletePod(this.namespace, this.name, 0);
    await this.context.report(this.req, { kind: "failed", exitCode: null, reason });
    this.finishWith();
  }

  private async complete(outcome: TaskOutcome, pod: V1Pod): Promise<void> {
    this.state = "finishing";
    this.clearTimers();
    if (!this.follower && containerHasStarted(pod)) this.startFollowingLogsForDrain();
    await this.follower?.drain(this.context.numbers.logDrainTimeoutMs);
    if (this.detached) return; // shutting down: a restarted executor reports it
    const exit = containerExit(pod);
    const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
    const took = secondsBetween(terminated?.startedAt, terminated?.finishedAt);
    if (exit) this.system(`Container exited with code ${exit.exitCode}${took ? ` after ${took}` : ""}`);
    if (outcome.kind === "failed") this.system(`Task failed: ${outcome.reason}`);
    await this.context.report(this.req, outcome);
    if (outcome.kind === "failed" && this.context.keepFailedPods) {
      await this.context.markReported(this.namespace, this.name);
    } else {
      await this.context.deletePod(this.namespace, this.name, 0);
    }
    this.finishWith();
  }

  private startFollowingLogsForDrain(): void {
    this.follower = this.createFollower();
  }

  /** The pod is gone (DELETED event, or missing from a resync list). */
  gone(pod?: V1Pod): void {
    if (this.detached || this.state !== "active") return;
    const finished = (pod && describeFinishedPod(pod)) ?? (this.lastPod && describeFinishedPod(this.lastPod));
    if (finished) {
      void this.complete(finished, pod ?? this.lastPod!);
      return;
    }
    this.state = "finishing";
    this.clearTimers();
    this.follower?.stop();
    const reason = "the pod was deleted before the task finished (deleted outside Updraft, or its node was lost)";
    this.system(`Task failed: ${reason}`);
    void this.context.report(this.req, { kind: "failed", exitCode: null, reason }).then(() => this.finishWith());
  }

  /** kill(): delete the pod and fail the try with `reason`; resolves after onExit. */
  async kill(reason: string): Promise<void> {
    if (this.state !== "active") return this.done;
    this.state = "finishing";
    this.clearTimers();
    this.follower?.stop();
    this.system(`Killing the task: deleting pod ${this.namespace}/${this.name} (${reason})`);
    await this.context.deletePod(this.namespace, this.name, this.context.killGracePeriodSeconds);
    await this.context.report(this.req, { kind: "failed", exitCode: null, reason });
    this.finishWith();
  }

  /** A launch that never got a pod (the pod could not be built or was rejected): fail the try. */
  async failBeforeStart(reason: string): Promise<void> {
    if (this.state !== "active") return;
    this.state = "finishing";
    this.system(`Task failed: ${reason}`);
    await this.context.report(this.req, { kind: "failed", exitCode: null, reason });
    this.finishWith();
  }

  /** shutdown(): stop watching, streaming and timing; the pod keeps running. */
  detach(): void {
    this.detached = true;
    this.clearTimers();
    this.follower?.stop();
  }
}
