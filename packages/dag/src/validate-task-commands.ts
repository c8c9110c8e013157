import { isPlainObject, ownValue } from "./plain-object";
import type { Problem } from "./problem";

/** Every task needs a command, either its own or one from default_args. */
export function validateTaskCommands(data: Record<string, unknown>): Problem[] {
  const defaults = ownValue(data, "default_args");
  if (isPlainObject(defaults) && ownValue(defaults, "command") !== undefined) return [];
  const tasks = ownValue(data, "tasks");
  if (!Array.isArray(tasks)) return [];
  const problems: Problem[] = [];
  tasks.forEach((task, index) => {
    if (!isPlainObject(task) || ownValue(task, "command") !== undefined) return;
    problems.push({
      path: ["tasks", index, "command"],
      message:
        'missing required key "command": expected a non-empty list of strings, e.g. [python, /scripts/run.py] ' +
        "(set it on the task or in default_args)",
    });
  });
  return problems;
}
