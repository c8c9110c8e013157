import { isAlias, isMap, isSeq, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { aliasResolverFor } from "./resolve-yaml-alias";

/** The mappings a `<<: *anchor` or `<<: [*a, *b]` pair merges in, in priority order. */
export function mergeSources(doc: Document, pair: Pair): YAMLMap[] {
  const value = pair.value;
  const items: unknown[] = isSeq(value) ? value.items : [value];
  const resolve = aliasResolverFor(doc);
  const sources: YAMLMap[] = [];
  for (const item of items) {
    const resolved = isAlias(item) ? resolve(item) : (item as Node | null);
    if (isMap(resolved)) sources.push(resolved);
  }
  return sources;
}
