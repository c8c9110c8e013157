import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDagError } from "../src/format-dag-error";
import { dagFileJsonSchema } from "../src/json-schema";
import { parseDagFile } from "../src/parse-dag-file";
import { TEMPLATE_VARIABLES } from "../src/template-variables";
import { README_PATH } from "./readme-path";
import { generatedSection, REGENERATE_COMMAND } from "./readme-generated-section";
import { renderFieldTables } from "./render-field-tables";

const readme = readFileSync(README_PATH, "utf8");

/** The ```yaml blocks of the README that hold a whole DAG file. */
function dagExamples(text: string): string[] {
  return [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1] ?? "")
    .filter((block) => /^dag_id:/m.test(block));
}

describe("packages/dag/README.md, the DAG file format reference", () => {
  it("has field tables generated from the current zod schema", () => {
    expect(
      generatedSection(readme).trim(),
      `the field tables in packages/dag/README.md are out of date with dag-file-schema.ts: run \`${REGENERATE_COMMAND}\` and commit the README`,
    ).toBe(renderFieldTables(dagFileJsonSchema).trim());
  });

  it("shows only examples that upload as they are", () => {
    const examples = dagExamples(readme);
    expect(examples.length).toBeGreaterThan(2);
    for (const example of examples) {
      const result = parseDagFile("README.md example", example);
      const errors = result.ok ? [] : result.errors.map(formatDagError);
      expect(errors, example).toEqual([]);
    }
  });

  it("shows the errors its rejected example really gets", () => {
    const match = /^```yaml rejected\n([\s\S]*?)^```\n[^`]*^```text\n([\s\S]*?)^```$/m.exec(readme);
    expect(match, "the README's rejected example and its ```text errors").not.toBeNull();
    const result = parseDagFile("ml.yaml", match?.[1] ?? "");
    const errors = result.ok ? [] : result.errors.map(formatDagError);
    expect(errors).toEqual((match?.[2] ?? "").trimEnd().split("\n"));
  });

  it("explains every template variable the validator accepts", () => {
    const missing = TEMPLATE_VARIABLES.filter((name) => !readme.includes(`{{ ${name} }}`));
    expect(missing, "add these template variables to the README's templates table").toEqual([]);
  });
});
