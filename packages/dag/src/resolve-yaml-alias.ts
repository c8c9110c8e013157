import { isAlias, type Alias, type Document, type Node } from "yaml";
import { walkYamlNodes } from "./walk-yaml-nodes";

export type AliasResolver = (alias: Alias) => Node | undefined;

const resolvers = new WeakMap<Document, AliasResolver>();

/**
 * Resolves aliases the way YAML does — to the last node with that anchor written
 * before the alias — from one index of the document's anchors. (yaml's own
 * `Alias.resolve(doc)` rescans the whole document on every call.)
 */
export function aliasResolverFor(doc: Document): AliasResolver {
  const cached = resolvers.get(doc);
  if (cached !== undefined) return cached;
  const anchors = new Map<string, Node[]>();
  walkYamlNodes(doc, (node) => {
    if (isAlias(node) || node.anchor === undefined) return;
    const list = anchors.get(node.anchor) ?? [];
    list.push(node);
    anchors.set(node.anchor, list);
  });
  const resolver: AliasResolver = (alias) => {
    const aliasStart = alias.range?.[0] ?? Number.POSITIVE_INFINITY;
    let found: Node | undefined;
    for (const node of anchors.get(alias.source) ?? []) {
      if ((node.range?.[0] ?? Number.POSITIVE_INFINITY) < aliasStart) found = node;
    }
    return found;
  };
  resolvers.set(doc, resolver);
  return resolver;
}
