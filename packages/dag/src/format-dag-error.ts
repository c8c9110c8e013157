import type { DagError } from "./types";

/** `ml.yaml:14:7 tasks[1].depends_on[0]: unknown task "prepocess" (did you mean "preprocess"?)` */
export function formatDagError(e: DagError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  return e.path === "" ? `${where}: ${e.message}` : `${where} ${e.path}: ${e.message}`;
}
