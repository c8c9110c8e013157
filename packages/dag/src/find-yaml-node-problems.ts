import { isAlias, isCollection, isScalar, type Document } from "yaml";
import { formatFieldPath } from "./format-field-path";
import { FILE_PATH, type PlacedProblem } from "./problem";
import { aliasResolverFor } from "./resolve-yaml-alias";
import { walkYamlNodes } from "./walk-yaml-nodes";

const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`),
);

function displayTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/**
 * Node-level problems the YAML parser lets through: custom tags (`!foo`,
 * `!!python/object`), aliases to anchors that are not defined before them or
 * that point into themselves, and non-scalar mapping keys.
 */
export function findYamlNodeProblems(doc: Document, source: string): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  const resolve = aliasResolverFor(doc);
  walkYamlNodes(doc, (node, path, role) => {
    const offset = node.range?.[0] ?? 0;
    const where = path.length === 0 ? FILE_PATH : formatFieldPath(path);
    if (role === "key" && !isScalar(node)) {
      const parent = path.length <= 1 ? FILE_PATH : formatFieldPath(path.slice(0, -1));
      problems.push({ offset, path: parent, message: "expected a plain key (a string), got a list, mapping or alias" });
      return;
    }
    if (isAlias(node)) {
      const target = resolve(node);
      if (target === undefined) {
        problems.push({
          offset,
          path: where,
          message: `unknown YAML alias "*${node.source}": define the anchor "&${node.source}" before using it`,
        });
      } else if (target.range && offset >= target.range[0] && offset < target.range[1]) {
        problems.push({
          offset,
          path: where,
          message: `YAML alias "*${node.source}" is inside the value it refers to: recursive data is not allowed`,
        });
      }
      return;
    }
    const tag = node.tag;
    if (tag === undefined || tag === "!" || CORE_TAGS.has(tag)) return;
    const kind = isCollection(node) ? "collection" : "value";
    // The node's range starts after its tag; point at the tag as written when it is found just before.
    const tagOffset = source.lastIndexOf(displayTag(tag), offset);
    problems.push({
      offset: tagOffset !== -1 && offset - tagOffset <= 1_000 ? tagOffset : offset,
      path: where,
      message:
        `custom YAML tag "${displayTag(tag)}" is not allowed on this ${kind}: ` +
        `use plain strings, numbers, booleans, null, lists and mappings`,
    });
  });
  return problems;
}
