import type { z } from "zod";
import { describeValue } from "./describe-value";
import type { FieldPath } from "./format-field-path";
import { isPlainObject } from "./plain-object";
import type { Problem } from "./problem";
import { schemaKeysAt } from "./schema-keys-at";
import { didYouMean } from "./suggest-name";
import { valueAtPath } from "./value-at-path";

const NOT_IN_DEFAULT_ARGS = new Set(["task_id", "depends_on"]);

function toFieldPath(path: ReadonlyArray<PropertyKey>): Array<string | number> {
  return path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
}

/** "expected X" becomes "expected X, got Y"; other messages are complete sentences already. */
function withReceived(message: string, value: unknown): string {
  return message.startsWith("expected") ? `${message}, got ${describeValue(value)}` : message;
}

function unknownKeyMessage(key: string, parentPath: FieldPath, allowed: string[]): string {
  if (parentPath.length === 1 && parentPath[0] === "default_args" && NOT_IN_DEFAULT_ARGS.has(key)) {
    return `"${key}" cannot be set in default_args: set it on each task`;
  }
  const suggestion = didYouMean(key, allowed);
  if (suggestion !== "") return `unknown key "${key}"${suggestion}`;
  return allowed.length > 0 ? `unknown key "${key}"; expected one of: ${allowed.join(", ")}` : `unknown key "${key}"`;
}

/** Turns zod issues into problems with messages that say what was expected and what was found. */
export function zodIssuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema: z.core.$ZodType,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = toFieldPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const allowed = schemaKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        problems.push({ path: [...path, key], at: "key", message: unknownKeyMessage(key, path, allowed) });
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      const inner = issue.issues[0]?.message ?? "expected a valid key";
      problems.push({ path, at: "key", message: withReceived(inner, path[path.length - 1]) });
      continue;
    }
    const value = valueAtPath(data, path);
    const parent = valueAtPath(data, path.slice(0, -1));
    const key = path[path.length - 1];
    if (
      issue.code === "invalid_type" &&
      value === undefined &&
      typeof key === "string" &&
      isPlainObject(parent) &&
      !Object.prototype.hasOwnProperty.call(parent, key)
    ) {
      problems.push({ path, message: `missing required key "${key}": ${issue.message}` });
      continue;
    }
    let message = withReceived(issue.message, value);
    if (issue.code === "invalid_value" && typeof value === "string") {
      message += didYouMean(value, issue.values.map(String));
    }
    problems.push({ path, message });
  }
  return problems;
}
