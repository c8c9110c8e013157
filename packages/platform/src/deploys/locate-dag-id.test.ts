import { describe, expect, it } from "vitest";
import { locateDagId } from "./locate-dag-id";

describe("locateDagId", () => {
  it("finds the dag_id key in YAML and JSON files", () => {
    expect(locateDagId("# etl\n\ndag_id: etl\n")).toEqual({ line: 3, column: 1 });
    expect(locateDagId('{\n  "schedule": null,\n  "dag_id": "etl"\n}')).toEqual({ line: 3, column: 3 });
    expect(locateDagId('{"schedule":null,"dag_id":"etl"}')).toEqual({ line: 1, column: 18 });
  });

  it("falls back to the start of the file", () => {
    expect(locateDagId("tasks: []\n")).toEqual({ line: 1, column: 1 });
  });
});
