/**
 * How the double plays out one pod, chosen by the test (by image, see
 * `FakeKubeState.scriptImage`). Times are in milliseconds of real time;
 * `activeDeadlineSeconds` is scaled by the double's `msPerSecond`.
 */
export interface PodScript {
  /** Creation → scheduled. Default 5. */
  scheduleMs?: number;
  /** Never scheduled: PodScheduled=False, reason Unschedulable, with this scheduler message. */
  unschedulable?: string;
  /** The image cannot be pulled: ErrImagePull, then ImagePullBackOff, with this message. */
  imagePullError?: string;
  /** The image's user is root: with runAsNonRoot the container cannot be created (CreateContainerConfigError). */
  imageRunsAsRoot?: boolean;
  /** Scheduled → running. Default 5. */
  startMs?: number;
  /** Lines the container writes (a "\n" is added to each), one every `lineIntervalMs` from the start. */
  logs?: string[];
  /** Default 0: all lines at once. */
  lineIntervalMs?: number;
  /** Running → exited (at least until the last line is written). Default 20. */
  runMs?: number;
  /** Default 0 (Succeeded); anything else fails the pod with reason Error. */
  exitCode?: number;
  /** The container is OOMKilled (exit code 137). */
  oomKilled?: boolean;
  /** The pod is evicted with this message. */
  evicted?: string;
  /** The container never exits (until deleted or the deadline passes). */
  runForever?: boolean;
  /**
   * What metrics.k8s.io reports for the pod's container while it runs
   * (Kubernetes quantities, e.g. `{ cpu: "500m", memory: "200Mi" }`).
   * Default `{ cpu: "0", memory: "0" }`.
   */
  usage?: { cpu: string; memory: string };
}

export const DEFAULT_POD_SCRIPT: PodScript = { runMs: 20, exitCode: 0 };
