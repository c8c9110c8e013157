// Rewrites the generated field tables of packages/dag/README.md from the zod
// schema (through its JSON Schema): `npm run docs -w @updraft/dag`.
import { readFileSync, writeFileSync } from "node:fs";
import { dagFileJsonSchema } from "../src/json-schema";
import { README_PATH } from "./readme-path";
import { withGeneratedSection } from "./readme-generated-section";
import { renderFieldTables } from "./render-field-tables";

const before = readFileSync(README_PATH, "utf8");
const after = withGeneratedSection(before, renderFieldTables(dagFileJsonSchema));
if (after === before) {
  console.log("packages/dag/README.md is up to date");
} else {
  writeFileSync(README_PATH, after);
  console.log("packages/dag/README.md: field tables regenerated");
}
