import { isAlias, isCollection, type Document } from "yaml";
import { formatFieldPath } from "./format-field-path";
import type { PlacedProblem } from "./problem";
import { walkYamlNodes } from "./walk-yaml-nodes";

const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`),
);

function displayTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/**
 * Node-level problems the YAML parser lets through: custom tags (`!foo`,
 * `!!python/object`) and aliases to anchors that are not defined before them.
 */
export function findYamlNodeProblems(doc: Document): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  walkYamlNodes(doc, (node, path) => {
    const offset = node.range?.[0] ?? 0;
    const where = path.length === 0 ? "(file)" : formatFieldPath(path);
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) {
        problems.push({
          offset,
          path: where,
          message: `unknown YAML alias "*${node.source}": define the anchor "&${node.source}" before using it`,
        });
      }
      return;
    }
    const tag = node.tag;
    if (tag === undefined || tag === "!" || CORE_TAGS.has(tag)) return;
    const kind = isCollection(node) ? "collection" : "value";
    problems.push({
      offset,
      path: where,
      message:
        `custom YAML tag "${displayTag(tag)}" is not allowed on this ${kind}: ` +
        `use plain strings, numbers, booleans, null, lists and mappings`,
    });
  });
  return problems;
}

/** Field path of the mapping key that starts at `offset` (used for duplicate-key errors). */
export function findKeyPathAt(doc: Document, offset: number): string | null {
  let found: string | null = null;
  walkYamlNodes(doc, (node, path, role) => {
    if (found === null && role === "key" && node.range?.[0] === offset) found = formatFieldPath(path);
  });
  return found;
}
