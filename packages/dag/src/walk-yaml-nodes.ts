import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { isMergeKey } from "./is-yaml-merge-key";

export type NodeVisitor = (node: Node, path: Array<string | number>, role: "key" | "value") => void;

function keySegment(key: unknown, index: number): string | number {
  if (isMergeKey(key)) return "<<";
  if (isScalar(key)) return String(key.value);
  return index;
}

/**
 * Visits every node written in the document once (aliases are visited as alias
 * nodes, not followed), with the field path that leads to it.
 */
export function walkYamlNodes(doc: Document, visit: NodeVisitor): void {
  const walk = (node: unknown, path: Array<string | number>, role: "key" | "value"): void => {
    if (node === null || node === undefined || typeof node !== "object") return;
    visit(node as Node, path, role);
    if (isMap(node)) {
      node.items.forEach((pair, index) => {
        const childPath = [...path, keySegment(pair.key, index)];
        walk(pair.key, childPath, "key");
        walk(pair.value, childPath, "value");
      });
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (isPair(item)) {
          walk(item.key, [...path, index], "key");
          walk(item.value, [...path, index], "value");
        } else walk(item, [...path, index], "value");
      });
    }
  };
  walk(doc.contents, [], "value");
}
