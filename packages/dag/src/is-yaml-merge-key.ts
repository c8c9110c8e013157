import { isScalar } from "yaml";

/** Whether a mapping key is YAML's merge key `<<` (with `merge: true` its value is a symbol). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === "symbol";
}
