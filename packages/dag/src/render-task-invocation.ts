import { formatAirflowTimestamp, formatDs, formatDsNodash } from "./format-airflow-timestamp";
import { renderTemplate, type TemplateContext } from "./render-template";
import type { DagSpec, RunContext, TaskSpec } from "./types";

/** The values `{{ … }}` can reference for one try of one task. */
export function buildTemplateContext(
  spec: DagSpec,
  task: TaskSpec,
  run: RunContext,
  tryNumber: number,
): TemplateContext {
  return {
    ds: formatDs(run.logicalDate),
    ds_nodash: formatDsNodash(run.logicalDate),
    ts: formatAirflowTimestamp(run.logicalDate),
    logical_date: formatAirflowTimestamp(run.logicalDate),
    data_interval_start: formatAirflowTimestamp(run.dataIntervalStart),
    data_interval_end: formatAirflowTimestamp(run.dataIntervalEnd),
    run_id: run.runId,
    try_number: String(tryNumber),
    dag: { dag_id: spec.dag_id },
    task: { task_id: task.task_id },
    params: { ...spec.params, ...run.conf },
  };
}

/** The task's command, args and env with every template rendered for this run and try. */
export function renderTaskInvocation(
  spec: DagSpec,
  task: TaskSpec,
  run: RunContext,
  tryNumber: number,
): { command: string[]; args: string[]; env: Record<string, string> } {
  const context = buildTemplateContext(spec, task, run, tryNumber);
  const render = (text: string) => renderTemplate(text, context);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(task.env)) env[name] = render(value);
  return { command: task.command.map(render), args: task.args.map(render), env };
}
