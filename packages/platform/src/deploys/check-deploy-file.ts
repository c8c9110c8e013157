import { formatDagError, parseDagFile, type DagError, type DagSpec } from "@updraft/dag";
import { FILE_SIZE_LIMIT_TEXT } from "@updraft/dag/limits";
import { MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILE_NAME_LENGTH } from "./deploy-limits";
import type { DeployFile, DeployFileError } from "./deploy-types";

export type CheckedDeployFile =
  | { ok: true; name: string; content: string; spec: DagSpec }
  | { ok: false; name: string; errors: DeployFileError[] };

const FILE_PATH = "(file)";

/** The DAG format's error with its formatted `file:line:col path: message` text. */
export function toDeployFileError(error: DagError): DeployFileError {
  return { line: error.line, column: error.column, path: error.path, message: error.message, text: formatDagError(error) };
}

function fileProblem(name: string, message: string): DeployFileError {
  return toDeployFileError({ file: name, line: 1, column: 1, path: FILE_PATH, message });
}

/**
 * Checks one file exactly like an upload in the UI: a file name of 1 to
 * MAX_DEPLOY_FILE_NAME_LENGTH characters (trimmed), a non-empty text of at most MAX_DEPLOY_FILE_BYTES, then the DAG
 * format's parser and validator.
 */
export function checkDeployFile(file: DeployFile): CheckedDeployFile {
  const name = file.name.trim();
  if (name.length === 0) {
    return { ok: false, name: file.name, errors: [fileProblem(file.name, "Give the file a name, e.g. dag.yaml")] };
  }
  if (name.length > MAX_DEPLOY_FILE_NAME_LENGTH) {
    return { ok: false, name, errors: [fileProblem(name, `File names are limited to ${MAX_DEPLOY_FILE_NAME_LENGTH} characters`)] };
  }
  if (file.content.length === 0) {
    return { ok: false, name, errors: [fileProblem(name, "The DAG file is empty; paste or choose a YAML or JSON DAG file")] };
  }
  if (Buffer.byteLength(file.content, "utf8") > MAX_DEPLOY_FILE_BYTES) {
    return { ok: false, name, errors: [fileProblem(name, `DAG files are limited to ${FILE_SIZE_LIMIT_TEXT}; split this DAG or shrink the file`)] };
  }
  const parsed = parseDagFile(name, file.content);
  if (!parsed.ok) return { ok: false, name, errors: parsed.errors.map(toDeployFileError) };
  return { ok: true, name, content: file.content, spec: parsed.spec };
}
