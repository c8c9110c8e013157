import type { TriggerRule } from "@updraft/dag";
import type { TaskState } from "@updraft/db";
import { isFinished } from "./task-states";

/** What a waiting task should do given its upstream tasks' states. */
export type TriggerDecision = "run" | "wait" | "skip" | "upstream_failed";

interface UpstreamCounts {
  total: number;
  success: number;
  failed: number;
  upstreamFailed: number;
  skipped: number;
  done: number;
}

function countUpstream(states: readonly TaskState[]): UpstreamCounts {
  const c: UpstreamCounts = { total: states.length, success: 0, failed: 0, upstreamFailed: 0, skipped: 0, done: 0 };
  for (const s of states) {
    if (s === "SUCCESS") c.success++;
    else if (s === "FAILED") c.failed++;
    else if (s === "UPSTREAM_FAILED") c.upstreamFailed++;
    else if (s === "SKIPPED") c.skipped++;
    if (isFinished(s)) c.done++;
  }
  return c;
}

/**
 * Airflow's trigger rules (airflow/ti_deps/deps/trigger_rule_dep.py), with
 * upstream failures and skips propagating as soon as the outcome is certain.
 * A task with no upstream tasks always runs.
 */
export function evaluateTriggerRule(rule: TriggerRule, upstream: readonly TaskState[]): TriggerDecision {
  if (upstream.length === 0) return "run";
  const c = countUpstream(upstream);
  const allDone = c.done === c.total;
  const anyFailed = c.failed + c.upstreamFailed > 0;
  switch (rule) {
    case "all_success":
      if (anyFailed) return "upstream_failed";
      if (c.skipped > 0) return "skip";
      return c.success === c.total ? "run" : "wait";
    case "all_failed":
      if (c.success + c.skipped > 0) return "skip";
      return allDone ? "run" : "wait";
    case "all_done":
      return allDone ? "run" : "wait";
    case "all_skipped":
      if (c.success + c.failed + c.upstreamFailed > 0) return "skip";
      return allDone ? "run" : "wait";
    case "one_success":
      if (c.success > 0) return "run";
      if (!allDone) return "wait";
      return c.skipped === c.total ? "skip" : "upstream_failed";
    case "one_failed":
      if (anyFailed) return "run";
      return allDone ? "skip" : "wait";
    case "one_done":
      if (c.success + c.failed > 0) return "run";
      if (!allDone) return "wait";
      return c.upstreamFailed > 0 ? "upstream_failed" : "skip";
    case "none_failed":
      if (anyFailed) return "upstream_failed";
      return allDone ? "run" : "wait";
    case "none_skipped":
      if (c.skipped > 0) return "skip";
      return allDone ? "run" : "wait";
    case "none_failed_min_one_success":
      if (anyFailed) return "upstream_failed";
      if (!allDone) return "wait";
      return c.success > 0 ? "run" : "skip";
    case "always":
      return "run";
  }
}
