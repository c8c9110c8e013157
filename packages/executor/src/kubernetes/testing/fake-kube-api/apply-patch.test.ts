import { describe, expect, it } from "vitest";
import { applyJsonPatch, applyMergePatch } from "./apply-patch";

describe("applyMergePatch", () => {
  it("merges objects, replaces lists and deletes nulls", () => {
    const target = { metadata: { labels: { a: "1", b: "2" } }, spec: { list: [1, 2] } };
    expect(applyMergePatch(target, { metadata: { labels: { b: null, c: "3" } }, spec: { list: [3] } })).toEqual({
      metadata: { labels: { a: "1", c: "3" } },
      spec: { list: [3] },
    });
    expect(target.metadata.labels).toEqual({ a: "1", b: "2" });
  });
});

describe("applyJsonPatch", () => {
  it("adds, replaces and removes", () => {
    const target = { metadata: { labels: { a: "1" } }, list: [1, 2] };
    expect(
      applyJsonPatch(target, [
        { op: "add", path: "/metadata/labels/x~1y", value: "2" },
        { op: "replace", path: "/list/0", value: 9 },
        { op: "add", path: "/list/-", value: 3 },
        { op: "remove", path: "/metadata/labels/a" },
      ]),
    ).toEqual({ metadata: { labels: { "x/y": "2" } }, list: [9, 2, 3] });
  });

  it("fails a test operation with 422", () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }])).toThrow(/test failed/);
  });
});
