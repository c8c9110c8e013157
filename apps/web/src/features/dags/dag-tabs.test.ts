import { describe, expect, it } from "vitest";
import { dagTabFrom } from "./dag-tabs";

describe("dagTabFrom", () => {
  it("opens the tab named in the URL and falls back to the Grid", () => {
    expect(dagTabFrom("gantt")).toBe("gantt");
    expect(dagTabFrom("source")).toBe("source");
    expect(dagTabFrom("costs")).toBe("costs");
    expect(dagTabFrom(undefined)).toBe("grid");
    expect(dagTabFrom("tree")).toBe("grid");
    expect(dagTabFrom(["graph"])).toBe("grid");
  });
});
