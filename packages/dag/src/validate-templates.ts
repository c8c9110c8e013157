import { templateProblems } from "./check-template-names";
import type { FieldPath } from "./format-field-path";
import { isPlainObject, ownValue } from "./plain-object";
import type { Problem } from "./problem";

function checkFields(fields: unknown, basePath: FieldPath, params: string[], problems: Problem[]): void {
  if (!isPlainObject(fields)) return;
  const check = (value: unknown, path: FieldPath) => {
    if (typeof value !== "string") return;
    for (const message of templateProblems(value, params)) problems.push({ path, message });
  };
  for (const key of ["command", "args"] as const) {
    const list = ownValue(fields, key);
    if (Array.isArray(list)) list.forEach((item, index) => check(item, [...basePath, key, index]));
  }
  const env = ownValue(fields, "env");
  if (isPlainObject(env)) {
    for (const [name, value] of Object.entries(env)) check(value, [...basePath, "env", name]);
  }
}

/**
 * Every `{{ … }}` in command, args and env values (of default_args and each task)
 * must be well-formed and name a known variable or a param declared in `params`.
 */
export function validateTemplates(data: Record<string, unknown>): Problem[] {
  const params = ownValue(data, "params");
  const declared = isPlainObject(params) ? Object.keys(params) : [];
  const problems: Problem[] = [];
  checkFields(ownValue(data, "default_args"), ["default_args"], declared, problems);
  const tasks = ownValue(data, "tasks");
  if (Array.isArray(tasks)) tasks.forEach((task, index) => checkFields(task, ["tasks", index], declared, problems));
  return problems;
}
