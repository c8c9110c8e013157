import { describe, expect, it } from "vitest";
import { classNames } from "./class-names";

describe("classNames", () => {
  it("joins the names that are set and skips the rest", () => {
    expect(classNames("a", false, "b", null, undefined, "", "c")).toBe("a b c");
    expect(classNames()).toBe("");
  });
});
