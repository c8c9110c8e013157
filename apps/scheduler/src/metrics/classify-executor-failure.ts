import { QuotaExceededError } from "@updraft/executor";

/** The reason classes of `updraft_executor_errors_total` (see infra/docs/metrics.md). */
export const EXECUTOR_ERROR_REASONS = [
  "oom_killed",
  "image_pull",
  "evicted",
  "deadline_exceeded",
  "unschedulable",
  "quota_refused",
  "api_error",
  "spawn_error",
  "lost",
  "other",
] as const;

export type ExecutorErrorReason = (typeof EXECUTOR_ERROR_REASONS)[number];

/** First match wins; patterns follow the reasons the executors and the reconcile write. */
const FAILURE_PATTERNS: [RegExp, ExecutorErrorReason | null][] = [
  // The task's own failure, or a stop the operator asked for: not the executor's.
  [/^exit code -?\d+$/, null],
  [/executor shut down while the task was running/, null],
  [/OOMKilled/, "oom_killed"],
  [/^image pull failed|ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull/, "image_pull"],
  [/^evicted\b|\(Evicted\)/i, "evicted"],
  [/execution_timeout of .* exceeded|DeadlineExceeded/, "deadline_exceeded"],
  [/^unschedulable\b/i, "unschedulable"],
  [/exceeded quota|waiting for quota/, "quota_refused"],
  [/^Kubernetes rejected the pod/, "api_error"],
  [/^(command not found|permission denied|not an executable program|could not start )|the task has no command|^the container could not be created/, "spawn_error"],
  [/pod was deleted before the task finished|its process \(or pod\) was gone|stopped responding|no live scheduler is running it|is no longer registered/, "lost"],
];

/**
 * The reason class of a failed try's reason string (as an executor or the
 * reconcile wrote it), or null when the failure is the task's own (a non-zero
 * exit code) and not an executor error.
 */
export function classifyFailureReason(reason: string): ExecutorErrorReason | null {
  for (const [pattern, reasonClass] of FAILURE_PATTERNS) if (pattern.test(reason)) return reasonClass;
  return "other";
}

/** The reason class of an error `executor.launch()` threw (a launch refused or failed before anything ran). */
export function classifyLaunchError(error: unknown, executorName: string): ExecutorErrorReason {
  if (error instanceof QuotaExceededError) return "quota_refused";
  const message = error instanceof Error ? error.message : String(error);
  if (/shutting down/.test(message)) return "other";
  if (executorName === "kubernetes") return error instanceof Error && error.name === "TenantNotProvisionedError" ? "other" : "api_error";
  if (executorName === "local") return "spawn_error";
  return "other";
}
