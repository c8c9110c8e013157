/** Names usable in `{{ … }}` besides `params.NAME`. */
export const TEMPLATE_VARIABLES = [
  "ds",
  "ds_nodash",
  "ts",
  "data_interval_start",
  "data_interval_end",
  "logical_date",
  "run_id",
  "dag.dag_id",
  "task.task_id",
  "try_number",
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}
