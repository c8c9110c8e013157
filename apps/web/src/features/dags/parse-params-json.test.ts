import { describe, expect, it } from "vitest";
import { parseParamsJson } from "./parse-params-json";

describe("parseParamsJson", () => {
  it("accepts a JSON object and treats an empty box as no overrides", () => {
    expect(parseParamsJson('{"sample_rate": 0.5}')).toEqual({ ok: true, conf: { sample_rate: 0.5 } });
    expect(parseParamsJson("  ")).toEqual({ ok: true, conf: {} });
  });

  it("explains invalid JSON and non-objects", () => {
    const bad = parseParamsJson("{ sample_rate: 0.5 }");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^Params are not valid JSON: .*Example: \{"sample_rate": 0.5\}$/);
    for (const text of ["[1, 2]", "42", "null", '"x"']) {
      const result = parseParamsJson(text);
      expect(result).toEqual({ ok: false, message: expect.stringContaining("must be a JSON object") });
    }
  });
});
