import type { TaskState } from "@updraft/db";
import { describe, expect, it } from "vitest";
import { evaluateTriggerRule } from "./evaluate-trigger-rule";

const S: TaskState = "SUCCESS";
const F: TaskState = "FAILED";
const UF: TaskState = "UPSTREAM_FAILED";
const SK: TaskState = "SKIPPED";
const R: TaskState = "RUNNING";

describe("evaluateTriggerRule (Airflow's meanings)", () => {
  it("runs a task without upstream tasks whatever its rule", () => {
    expect(evaluateTriggerRule("all_failed", [])).toBe("run");
  });

  it.each([
    ["all_success", [S, S], "run"],
    ["all_success", [S, R], "wait"],
    ["all_success", [F, R], "upstream_failed"],
    ["all_success", [UF, S], "upstream_failed"],
    ["all_success", [SK, S], "skip"],
    ["all_failed", [F, UF], "run"],
    ["all_failed", [F, R], "wait"],
    ["all_failed", [F, S], "skip"],
    ["all_done", [S, F, SK, UF], "run"],
    ["all_done", [S, R], "wait"],
    ["all_skipped", [SK, SK], "run"],
    ["all_skipped", [SK, S], "skip"],
    ["one_success", [S, R], "run"],
    ["one_success", [F, R], "wait"],
    ["one_success", [F, UF], "upstream_failed"],
    ["one_success", [SK, SK], "skip"],
    ["one_failed", [F, R], "run"],
    ["one_failed", [S, S], "skip"],
    ["one_failed", [S, R], "wait"],
    ["one_done", [F, R], "run"],
    ["one_done", [SK, SK], "skip"],
    ["none_failed", [S, SK], "run"],
    ["none_failed", [S, UF], "upstream_failed"],
    ["none_failed", [S, R], "wait"],
    ["none_skipped", [S, F], "run"],
    ["none_skipped", [SK, R], "skip"],
    ["none_failed_min_one_success", [S, SK], "run"],
    ["none_failed_min_one_success", [SK, SK], "skip"],
    ["none_failed_min_one_success", [F, S], "upstream_failed"],
    ["always", [R, R], "run"],
  ] as const)("%s with upstream %j → %s", (rule, upstream, expected) => {
    expect(evaluateTriggerRule(rule, upstream)).toBe(expected);
  });
});
