import type { FieldPath } from "./format-field-path";
import { isPlainObject, ownValue } from "./plain-object";

/** The raw value at `path` in parsed data, or undefined when the path does not exist. */
export function valueAtPath(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isPlainObject(current)) current = ownValue(current, String(segment));
    else return undefined;
  }
  return current;
}
