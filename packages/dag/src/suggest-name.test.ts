import { describe, expect, it } from "vitest";
import { editDistance, suggestName } from "./suggest-name";

describe("suggestName", () => {
  it("finds typos, transpositions and case slips", () => {
    expect(suggestName("prepocess", ["preprocess", "train"])).toBe("preprocess");
    expect(suggestName("scheduel", ["schedule", "start_date"])).toBe("schedule");
    expect(suggestName("Timezone", ["timezone"])).toBe("timezone");
    expect(editDistance("scheduel", "schedule")).toBe(1);
  });

  it("stays quiet when nothing is close", () => {
    expect(suggestName("operator", ["task_id", "command"])).toBeUndefined();
    expect(suggestName("x", ["a", "b"])).toBeUndefined();
  });
});
