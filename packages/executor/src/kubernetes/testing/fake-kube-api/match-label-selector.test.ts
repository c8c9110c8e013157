import { describe, expect, it } from "vitest";
import { parseFieldSelector, parseLabelSelector } from "./match-label-selector";

describe("parseLabelSelector", () => {
  const labels = { app: "updraft", tier: "task", try: "2" };

  it.each([
    ["", true],
    ["app=updraft", true],
    ["app==updraft", true],
    ["app=other", false],
    ["app!=other", true],
    ["app=updraft,tier=task", true],
    ["app=updraft,tier=web", false],
    ["try in (1,2)", true],
    ["try notin (1,2)", false],
    ["tier", true],
    ["!tier", false],
    ["!missing", true],
    ["missing!=x", true],
  ])("%s matches: %s", (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });

  it("rejects selectors it cannot parse with 400", () => {
    expect(() => parseLabelSelector("a in b")).toThrow(/unable to parse requirement/);
  });

  it("matches field selectors on name and namespace", () => {
    const match = parseFieldSelector("metadata.namespace=updraft-a,metadata.name!=x");
    expect(match({ "metadata.namespace": "updraft-a", "metadata.name": "y" })).toBe(true);
    expect(match({ "metadata.namespace": "updraft-a", "metadata.name": "x" })).toBe(false);
  });
});
