import { describe, expect, it } from "vitest";
import { layerTasks } from "./task-layers";

const node = (taskId: string, dependsOn: string[] = []) => ({ taskId, dependsOn, triggerRule: "all_success" });

describe("layerTasks", () => {
  it("puts each task one column right of its deepest upstream, keeping file order within a column", () => {
    const layered = layerTasks([node("report", ["load", "extract"]), node("extract"), node("load", ["clean"]), node("clean", ["extract"]), node("audit")]);
    expect(layered.map((n) => [n.taskId, n.layer])).toEqual([
      ["extract", 0],
      ["audit", 0],
      ["clean", 1],
      ["load", 2],
      ["report", 3],
    ]);
  });
});
