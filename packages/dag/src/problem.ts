import type { FieldPath } from "./format-field-path";

/**
 * A validation problem found in the parsed data, placed later by looking up
 * `path` in the YAML document. `at: "key"` points at the mapping key instead of
 * its value (unknown keys). A path that does not exist in the document (a
 * missing key) is placed at the deepest mapping that does exist.
 */
export interface Problem {
  path: FieldPath;
  message: string;
  at?: "value" | "key";
}

/** A problem that already has its 0-based character offset, e.g. a YAML syntax error. */
export interface PlacedProblem {
  offset: number;
  /** Formatted field path, or "(file)". */
  path: string;
  message: string;
}

export const FILE_PATH = "(file)";
