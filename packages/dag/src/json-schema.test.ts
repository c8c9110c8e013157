import { describe, expect, it } from "vitest";
import { dagFileJsonSchema } from "./json-schema";

describe("dagFileJsonSchema", () => {
  it("is a draft 2020-12 schema describing tasks and schedule", () => {
    const schema = dagFileJsonSchema as {
      $schema: string;
      title: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { type?: unknown; items?: { required?: string[]; properties?: Record<string, unknown> } }>;
    };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("Updraft DAG file");
    expect(schema.required).toEqual(["dag_id", "tasks"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.schedule?.type).toEqual(["string", "null"]);
    expect(schema.properties.tasks?.type).toBe("array");
    expect(schema.properties.tasks?.items?.required).toEqual(["task_id"]);
    expect(Object.keys(schema.properties.tasks?.items?.properties ?? {})).toContain("trigger_rule");
  });
});
