import type { Document, LineCounter } from "yaml";
import { buildDagSpec } from "./build-dag-spec";
import { dagFileSchema } from "./dag-file-schema";
import { formatFieldPath } from "./format-field-path";
import { FILE_SIZE_LIMIT_TEXT, MAX_FILE_BYTES, MAX_TASKS } from "./limits";
import { loadYamlDocument, NESTED_TOO_DEEPLY } from "./load-yaml-document";
import { locateYamlPath } from "./locate-yaml-path";
import { ownValue } from "./plain-object";
import { FILE_PATH, type PlacedProblem, type Problem } from "./problem";
import type { DagError, ParseResult } from "./types";
import { utf8ByteLength } from "./utf8-byte-length";
import { validateGraph } from "./validate-graph";
import { validateScheduleDates } from "./validate-schedule-dates";
import { validateTaskCommands } from "./validate-task-commands";
import { validateTemplates } from "./validate-templates";
import { zodIssuesToProblems } from "./zod-issues-to-problems";

function placed(fileName: string, lineCounter: LineCounter, problem: PlacedProblem): DagError {
  const { line, col } = lineCounter.linePos(problem.offset);
  return { file: fileName, line, column: col, path: problem.path, message: problem.message };
}

function locate(doc: Document, problem: Problem): PlacedProblem {
  return {
    offset: locateYamlPath(doc, problem.path, problem.at ?? "value"),
    path: problem.path.length === 0 ? FILE_PATH : formatFieldPath(problem.path),
    message: problem.message,
  };
}

/** Sorted by position (stable), exact repeats dropped. */
function orderErrors(errors: DagError[]): DagError[] {
  const seen = new Set<string>();
  return errors
    .map((error, order) => ({ error, order }))
    .sort((a, b) => a.error.line - b.error.line || a.error.column - b.error.column || a.order - b.order)
    .map(({ error }) => error)
    .filter((error) => {
      const key = `${error.line}:${error.column}:${error.path}:${error.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Parses and validates one DAG file (YAML or JSON). On failure returns every
 * problem found, each with file, 1-based line and column, field path and a
 * message saying what was expected.
 */
export function parseDagFile(fileName: string, source: string): ParseResult {
  try {
    return parseWithinLimits(fileName, source);
  } catch (error) {
    // Deeply nested data can exhaust the stack in a recursive step; report it like any other problem.
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, errors: [{ file: fileName, line: 1, column: 1, path: FILE_PATH, message: NESTED_TOO_DEEPLY }] };
  }
}

function parseWithinLimits(fileName: string, source: string): ParseResult {
  const size = utf8ByteLength(source, MAX_FILE_BYTES);
  if (size > MAX_FILE_BYTES) {
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          line: 1,
          column: 1,
          path: FILE_PATH,
          message: `the file is larger than ${FILE_SIZE_LIMIT_TEXT} (${MAX_FILE_BYTES} bytes): split the DAG or move data out of it`,
        },
      ],
    };
  }

  const loaded = loadYamlDocument(source);
  if (!loaded.ok) {
    return { ok: false, errors: orderErrors(loaded.problems.map((p) => placed(fileName, loaded.lineCounter, p))) };
  }
  const { doc, lineCounter, data } = loaded;
  const toErrors = (problems: Problem[]) => problems.map((p) => placed(fileName, lineCounter, locate(doc, p)));

  const tasks = ownValue(data, "tasks");
  if (Array.isArray(tasks) && tasks.length > MAX_TASKS) {
    return {
      ok: false,
      errors: toErrors([
        {
          path: ["tasks"],
          message: `expected at most ${MAX_TASKS} tasks, got ${tasks.length}: split the DAG into smaller ones`,
        },
      ]),
    };
  }

  const parsed = dagFileSchema.safeParse(data);
  const problems: Problem[] = [
    ...(parsed.success ? [] : zodIssuesToProblems(parsed.error.issues, data, dagFileSchema)),
    ...validateTaskCommands(data),
    ...validateScheduleDates(data),
    ...validateGraph(tasks),
    ...validateTemplates(data),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, errors: orderErrors(toErrors(problems)) };
  return { ok: true, spec: buildDagSpec(parsed.data) };
}
