import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { FieldPath } from "./format-field-path";
import { aliasResolverFor } from "./resolve-yaml-alias";
import { isMergeKey } from "./is-yaml-merge-key";
import { mergeSources } from "./yaml-merge-key";

function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? aliasResolverFor(doc)(node) : node;
}

function keyMatches(pair: Pair, segment: string | number): boolean {
  return isScalar(pair.key) && !isMergeKey(pair.key) && String(pair.key.value) === String(segment);
}

/** The pair for `segment` in `map`: its own keys first, then keys merged in with `<<`. */
function findPair(doc: Document, map: YAMLMap, segment: string | number, depth = 0): Pair | undefined {
  for (const item of map.items) if (keyMatches(item, segment)) return item;
  if (depth > 20) return undefined;
  for (const item of map.items) {
    if (!isMergeKey(item.key)) continue;
    for (const source of mergeSources(doc, item)) {
      const found = findPair(doc, source, segment, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** An implicit null (`key:` with nothing after it) has no text of its own to point at. */
function isEmptyValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (!isScalar(node) || node.value !== null) return false;
  const range = node.range;
  return range !== null && range !== undefined && range[0] === range[1];
}

/**
 * 0-based offset of the node at `path` (aliases followed, `<<` merges searched).
 * When the path runs out (missing key, index past the end) the deepest node that
 * exists is used, i.e. the parent mapping of a missing key. With `at: "key"` the
 * mapping key is used instead of its value; an empty value also falls back to its key.
 */
export function locateYamlPath(doc: Document, path: FieldPath, at: "value" | "key" = "value"): number {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    const current = deref(doc, node);
    let next: unknown;
    let nextKey: Node | null = null;
    if (isMap(current)) {
      const pair = findPair(doc, current, segment);
      if (pair !== undefined) {
        next = pair.value;
        nextKey = pair.key as Node;
      }
    } else if (isSeq(current) && typeof segment === "number") {
      next = current.items[segment];
    }
    if (next === undefined && nextKey === null) {
      return startOf(current) ?? startOf(keyNode) ?? 0;
    }
    node = next;
    keyNode = nextKey;
  }
  if (keyNode !== null && (at === "key" || isEmptyValue(node))) return startOf(keyNode) ?? 0;
  return startOf(node) ?? startOf(keyNode) ?? 0;
}
