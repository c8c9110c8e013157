import { describe, expect, it } from "vitest";
import { withDownstreamTasks } from "./downstream-tasks";

const t = (task_id: string, depends_on: string[] = []) => ({ task_id, depends_on });
// extract → clean → train → report ; extract → audit ; other (unrelated)
const tasks = [t("extract"), t("clean", ["extract"]), t("audit", ["extract"]), t("train", ["clean"]), t("report", ["train", "audit"]), t("other")];

describe("withDownstreamTasks", () => {
  it("adds every transitive downstream task, in file order", () => {
    expect(withDownstreamTasks(tasks, ["clean"])).toEqual(["clean", "train", "report"]);
    expect(withDownstreamTasks(tasks, ["extract"])).toEqual(["extract", "clean", "audit", "train", "report"]);
  });

  it("keeps a leaf alone and merges overlapping selections", () => {
    expect(withDownstreamTasks(tasks, ["report"])).toEqual(["report"]);
    expect(withDownstreamTasks(tasks, ["train", "audit", "other"])).toEqual(["audit", "train", "report", "other"]);
  });
});
