import { describe, expect, it } from "vitest";
import { decideOrphanKeys } from "./decide-orphan-keys";

const me = "sched-me";

describe("decideOrphanKeys", () => {
  it("keeps the tries this replica is meant to run and names why the others are orphans", () => {
    const running = [
      { key: "k-ok", taskInstanceId: "a", tryNumber: 1 },
      { key: "k-failed", taskInstanceId: "b", tryNumber: 1 },
      { key: "k-old-try", taskInstanceId: "c", tryNumber: 1 },
      { key: "k-stolen", taskInstanceId: "d", tryNumber: 3 },
      { key: "k-gone", taskInstanceId: "e", tryNumber: 1 },
    ];
    const instances = [
      { taskInstanceId: "a", state: "RUNNING", tryNumber: 1, schedulerId: me },
      { taskInstanceId: "b", state: "FAILED", tryNumber: 1, schedulerId: me },
      { taskInstanceId: "c", state: "RUNNING", tryNumber: 2, schedulerId: "other" },
      { taskInstanceId: "d", state: "RUNNING", tryNumber: 3, schedulerId: "other" },
    ];
    expect(decideOrphanKeys(running, instances, me)).toEqual([
      { key: "k-failed", reason: "the task is failed already, so this process is no longer wanted" },
      { key: "k-old-try", reason: "try 1 was superseded by try 2" },
      { key: "k-stolen", reason: "another scheduler owns this try now" },
      { key: "k-gone", reason: "its task instance no longer exists" },
    ]);
  });
});
