import { describe, expect, it } from "vitest";
import { formatDagError } from "./format-dag-error";

describe("formatDagError", () => {
  it("prints file:line:column path: message", () => {
    expect(
      formatDagError({
        file: "ml.yaml",
        line: 14,
        column: 7,
        path: "tasks[1].depends_on[0]",
        message: 'unknown task "prepocess" (did you mean "preprocess"?)',
      }),
    ).toBe('ml.yaml:14:7 tasks[1].depends_on[0]: unknown task "prepocess" (did you mean "preprocess"?)');
  });

  it("leaves the path out when there is none", () => {
    expect(formatDagError({ file: "a.yaml", line: 1, column: 1, path: "", message: "boom" })).toBe("a.yaml:1:1: boom");
  });
});
