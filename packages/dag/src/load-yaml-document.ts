import { LineCounter, parseAllDocuments, type Document } from "yaml";
import { describeValue } from "./describe-value";
import { exceedsValueCount } from "./count-values";
import { findNodeAt } from "./find-yaml-node-at";
import { findYamlNodeProblems } from "./find-yaml-node-problems";
import { MAX_ALIAS_COUNT, MAX_EXPANDED_VALUES } from "./limits";
import { isPlainObject } from "./plain-object";
import { FILE_PATH, type PlacedProblem } from "./problem";

export type LoadedYaml =
  | { ok: true; doc: Document; lineCounter: LineCounter; data: Record<string, unknown> }
  | { ok: false; lineCounter: LineCounter; problems: PlacedProblem[] };

export const NESTED_TOO_DEEPLY = "lists and mappings are nested too deeply: flatten the structure";

const ALIAS_BOMB_MESSAGE =
  "YAML aliases expand to too much data (a \"billion laughs\" document): " +
  "use fewer aliases (*name) or write the values out";

function syntaxProblem(doc: Document, error: Document["errors"][number]): PlacedProblem {
  const offset = error.pos[0];
  if (error.code === "DUPLICATE_KEY") {
    const key = findNodeAt(doc, offset, "key");
    return {
      offset,
      path: key?.path ?? FILE_PATH,
      message: `duplicate key ${key === null ? "" : `"${key.key}" `}in a mapping: each key may appear only once`,
    };
  }
  if (error.code === "BAD_SCALAR_START") {
    const value = findNodeAt(doc, offset, "value");
    return {
      offset,
      path: value?.path ?? FILE_PATH,
      message: `invalid YAML: ${error.message}; put the value in quotes${
        value?.text ? `: ${JSON.stringify(value.text)}` : ""
      }`,
    };
  }
  if (/call stack/i.test(error.message)) {
    return { offset, path: FILE_PATH, message: NESTED_TOO_DEEPLY };
  }
  return { offset, path: FILE_PATH, message: `invalid YAML: ${error.message}` };
}

/**
 * Parses YAML 1.2 (so JSON too) with the core schema — dates stay strings, no
 * custom types — and returns the single top-level mapping as plain data plus the
 * document for locating nodes. Rejects syntax errors, several documents, custom
 * tags, unknown aliases, alias bombs and anything but a mapping at the top.
 */
export function loadYamlDocument(source: string): LoadedYaml {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source, {
    lineCounter,
    version: "1.2",
    schema: "core",
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const fail = (problems: PlacedProblem[]): LoadedYaml => ({ ok: false, lineCounter, problems });

  const first = docs[0];
  if (first === undefined || (docs.length === 1 && first.contents === null && first.errors.length === 0)) {
    return fail([{ offset: 0, path: FILE_PATH, message: "the file is empty: expected a mapping with dag_id and tasks" }]);
  }
  const syntaxProblems = docs.flatMap((doc) => doc.errors.map((error) => syntaxProblem(doc, error)));
  if (syntaxProblems.length > 0) return fail(syntaxProblems);

  if (docs.length > 1) {
    return fail([
      {
        offset: docs[1]?.range[0] ?? 0,
        path: FILE_PATH,
        message: `found ${docs.length} YAML documents: a DAG file must hold exactly one (remove the "---" separators)`,
      },
    ]);
  }

  const nodeProblems = findYamlNodeProblems(first, source);
  if (nodeProblems.length > 0) return fail(nodeProblems);

  let data: unknown;
  try {
    data = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? ALIAS_BOMB_MESSAGE
        : `invalid YAML: ${error instanceof Error ? error.message : String(error)}`;
    return fail([{ offset: 0, path: FILE_PATH, message }]);
  }
  if (exceedsValueCount(data, MAX_EXPANDED_VALUES)) {
    return fail([{ offset: 0, path: FILE_PATH, message: ALIAS_BOMB_MESSAGE }]);
  }
  if (!isPlainObject(data)) {
    return fail([
      {
        offset: first.contents?.range?.[0] ?? 0,
        path: FILE_PATH,
        message: `expected a mapping with dag_id, schedule, tasks, … at the top level, got ${describeValue(data)}`,
      },
    ]);
  }
  return { ok: true, doc: first, lineCounter, data };
}
