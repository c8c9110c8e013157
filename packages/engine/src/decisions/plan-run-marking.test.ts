import type { TaskState } from "@updraft/db";
import { describe, expect, it } from "vitest";
import { planRunMarking } from "./plan-run-marking";

const all: TaskState[] = ["NONE", "SCHEDULED", "QUEUED", "RUNNING", "SUCCESS", "FAILED", "UP_FOR_RETRY", "UPSTREAM_FAILED", "SKIPPED"];
const instances = all.map((state) => ({ id: state.toLowerCase(), state }));

describe("planRunMarking", () => {
  it("mark success: every unfinished task succeeds, running ones are killed", () => {
    const plan = planRunMarking(instances, "SUCCESS", "ada@acme.dev");
    expect(plan.map((m) => [m.id, m.state, m.kill, m.closeQueuedTry])).toEqual([
      ["none", "SUCCESS", false, false],
      ["scheduled", "SUCCESS", false, false],
      ["queued", "SUCCESS", false, true],
      ["running", "SUCCESS", true, false],
      ["up_for_retry", "SUCCESS", false, false],
    ]);
    expect(plan.every((m) => m.message === "marked success by ada@acme.dev")).toBe(true);
  });

  it("mark failed: running and queued tasks fail, tasks not started are skipped", () => {
    const plan = planRunMarking(instances, "FAILED", "ada@acme.dev");
    expect(plan.map((m) => [m.id, m.state, m.message])).toEqual([
      ["none", "SKIPPED", "skipped: the run was marked failed by ada@acme.dev"],
      ["scheduled", "SKIPPED", "skipped: the run was marked failed by ada@acme.dev"],
      ["queued", "FAILED", "marked failed by ada@acme.dev"],
      ["running", "FAILED", "marked failed by ada@acme.dev"],
      ["up_for_retry", "SKIPPED", "skipped: the run was marked failed by ada@acme.dev"],
    ]);
    expect(plan.filter((m) => m.kill).map((m) => m.id)).toEqual(["running"]);
  });
});
