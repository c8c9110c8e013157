import { isScalar, type Document } from "yaml";
import { formatFieldPath } from "./format-field-path";
import { walkYamlNodes } from "./walk-yaml-nodes";

/** Field path (and last key) of the mapping key — or value — that starts at `offset`, for YAML errors. */
export function findNodeAt(
  doc: Document,
  offset: number,
  role: "key" | "value",
): { path: string; key: string; text: string | null } | null {
  let found: { path: string; key: string; text: string | null } | null = null;
  walkYamlNodes(doc, (node, path, nodeRole) => {
    if (found === null && nodeRole === role && path.length > 0 && node.range?.[0] === offset) {
      const text = isScalar(node) ? String(node.value) : null;
      found = { path: formatFieldPath(path), key: String(path[path.length - 1]), text };
    }
  });
  return found;
}
