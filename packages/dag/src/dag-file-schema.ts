import { z } from "zod";
import { isValidTimeZone, knownTimeZones } from "./is-valid-time-zone";
import { MAX_ID_LENGTH, MAX_TASKS } from "./limits";
import { scheduleProblem, SCHEDULE_PRESETS } from "./normalize-schedule";
import { DATE_HINT, parseDateText } from "./parse-date-text";
import { bool, duration, nullableDuration, pattern, scalarText, stringList, wholeNumber } from "./schema-building-blocks";
import { resourcesSchema, tolerationSchema } from "./task-pod-fields-schema";
import { didYouMean } from "./suggest-name";

// Every message starting with "expected" gets ", got <value>" appended when reported.

export const ID_PATTERN = /^[a-z0-9_.-]{1,200}$/;
const ID_RULE = `1-${MAX_ID_LENGTH} characters from a-z, 0-9, "_", "." and "-"`;
const REFERENCE_ID_PATTERN = /^[a-z0-9_]{1,200}$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY_PATTERN =
  /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE_PATTERN = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

export const TRIGGER_RULES = [
  "all_success",
  "all_failed",
  "all_done",
  "all_skipped",
  "one_success",
  "one_failed",
  "one_done",
  "none_failed",
  "none_skipped",
  "none_failed_min_one_success",
  "always",
] as const;

/** Fields a task may set itself or inherit from default_args. */
const inheritableTaskFields = {
  trigger_rule: z
    .enum(TRIGGER_RULES, { error: `expected one of ${TRIGGER_RULES.join(", ")}` })
    .meta({ description: "When the task runs given its upstream states (default all_success)" })
    .optional(),
  image: z
    .string({ error: "expected a container image like ghcr.io/acme/worker:1.0, or null" })
    .min(1, { error: "expected a container image like ghcr.io/acme/worker:1.0, or null" })
    .nullable()
    .meta({ description: "Container image (ignored by the local executor)" })
    .optional(),
  command: stringList("expected a non-empty list of strings, e.g. [python, /scripts/run.py]", "expected a string")
    .min(1, { error: "expected a non-empty list of strings, e.g. [python, /scripts/run.py]" })
    .meta({ description: "Program and its arguments; templates allowed" })
    .optional(),
  args: stringList("expected a list of strings", "expected a string")
    .meta({ description: "Appended to command; templates allowed" })
    .optional(),
  env: z
    .record(
      pattern(ENV_NAME_PATTERN, `expected an environment variable name (letters, digits and "_", not starting with a digit)`),
      scalarText("expected a string, number or boolean"),
      { error: "expected a mapping of environment variable names to values" },
    )
    .meta({ description: "Environment variables; values may use templates" })
    .optional(),
  connections: z
    .array(pattern(REFERENCE_ID_PATTERN, `expected a connection id of lowercase letters, digits and "_"`), {
      error: "expected a list of connection ids",
    })
    .meta({ description: "Connections injected as UPDRAFT_CONN_<ID> / AIRFLOW_CONN_<ID>" })
    .optional(),
  secrets: z
    .array(pattern(REFERENCE_ID_PATTERN, `expected a secret name of lowercase letters, digits and "_"`), {
      error: "expected a list of secret names",
    })
    .meta({ description: "Secrets injected as upper-case env variables" })
    .optional(),
  retries: wholeNumber(0, "expected a whole number of retries (0 or more)")
    .meta({ description: "Extra tries after a failure (default 0)" })
    .optional(),
  retry_delay: duration("Wait before a retry, a duration (default 5m)").optional(),
  retry_exponential_backoff: bool("Double the delay on every retry (default false)").optional(),
  max_retry_delay: nullableDuration("Upper bound of the retry delay, a duration (default none)").optional(),
  execution_timeout: nullableDuration("Kill the try after this long, a duration (default none)").optional(),
  resources: resourcesSchema.optional(),
  node_selector: z
    .record(
      pattern(LABEL_KEY_PATTERN, "expected a Kubernetes label name like node.kubernetes.io/instance-type"),
      scalarText("expected a label value (string)").pipe(
        z.string().regex(LABEL_VALUE_PATTERN, {
          error: `expected a label value of at most 63 letters, digits, "-", "_" or "." (starting and ending alphanumeric)`,
        }),
      ),
      { error: "expected a mapping of node label names to values" },
    )
    .meta({ description: "Kubernetes nodeSelector" })
    .optional(),
  tolerations: z
    .array(tolerationSchema, { error: "expected a list of tolerations" })
    .meta({ description: "Kubernetes tolerations" })
    .optional(),
  pool: z
    .string({ error: "expected a pool name (non-empty string), or null" })
    .min(1, { error: "expected a pool name (non-empty string), or null" })
    .max(MAX_ID_LENGTH, { error: `expected a pool name of at most ${MAX_ID_LENGTH} characters` })
    .nullable()
    .meta({ description: "Pool whose slots cap concurrent tasks per tenant (default: default_pool)" })
    .optional(),
  priority_weight: wholeNumber(undefined, "expected a whole number")
    .meta({ description: "Higher runs first when slots are scarce (default 1)" })
    .optional(),
};

export const defaultArgsSchema = z
  .strictObject(inheritableTaskFields, { error: "expected a mapping of task fields applied to every task" })
  .meta({ description: "Task fields merged into every task (the task's own fields win)" });

export const taskSchema = z.strictObject(
  {
    task_id: pattern(ID_PATTERN, `expected a task id of ${ID_RULE}`, "Unique within the DAG"),
    depends_on: z
      .array(z.string({ error: "expected a task id" }), { error: "expected a list of task ids" })
      .meta({ description: "Upstream task ids in this file" })
      .optional(),
    ...inheritableTaskFields,
  },
  { error: "expected a task: a mapping with task_id and command" },
);

const scheduleSchema = z
  .string({ error: `expected a cron expression (5 fields), one of ${Object.keys(SCHEDULE_PRESETS).join(", ")}, or null` })
  .superRefine((value, ctx) => {
    const problem = scheduleProblem(value);
    if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
  })
  .nullable()
  .meta({ description: "5-field cron, @hourly/@daily/@weekly/@monthly/@yearly, or null for manual runs only" });

const timezoneSchema = z
  .string({ error: `expected an IANA time zone name such as "UTC" or "Europe/Amsterdam"` })
  .superRefine((value, ctx) => {
    if (isValidTimeZone(value)) return;
    ctx.addIssue({
      code: "custom",
      message:
        `unknown time zone ${JSON.stringify(value)}: expected an IANA name such as "UTC" or "Europe/Amsterdam"` +
        didYouMean(value, knownTimeZones()),
    });
  })
  .meta({ description: "IANA time zone the schedule and zone-less dates are read in" });

const dateSchema = (description: string) =>
  z
    .string({ error: `expected ${DATE_HINT}, or null` })
    .refine((value) => parseDateText(value) !== null, { error: `expected ${DATE_HINT}, or null` })
    .nullable()
    .meta({ description });

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value === "object") return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  return false;
}

export const dagFileSchema = z
  .strictObject({
    dag_id: pattern(ID_PATTERN, `expected a DAG id of ${ID_RULE}`, "Unique per tenant"),
    description: z.string({ error: "expected a string, or null" }).nullable().meta({ description: "Free text" }).optional(),
    schedule: scheduleSchema.optional(),
    timezone: timezoneSchema.default("UTC"),
    start_date: dateSchema("A date or date-time; the first data interval starts at the first schedule tick at or after it (required with a schedule)").optional(),
    end_date: dateSchema("A date or date-time after start_date; no interval starts after it").optional(),
    catchup: bool("Create a run for every missed interval since start_date").default(false),
    max_active_runs: wholeNumber(1, "expected a whole number (1 or more)")
      .meta({ description: "Runs of this DAG running at once; more wait queued, oldest first" })
      .default(16),
    max_active_tasks: wholeNumber(1, "expected a whole number (1 or more)")
      .meta({ description: "Task instances of this DAG queued or running at once, across its runs" })
      .default(16),
    tags: z
      .array(z.string({ error: "expected a tag string" }).min(1, { error: "expected a non-empty tag" }), {
        error: "expected a list of tags",
      })
      .meta({ description: "Labels to filter DAGs and costs by" })
      .default([]),
    params: z
      .record(z.string(), z.unknown(), { error: "expected a mapping of parameter names to default values" })
      .refine((params) => isJsonValue(params), {
        error: "expected parameter values made of strings, finite numbers, booleans, null, lists and mappings (at most 64 levels deep)",
      })
      .default({})
      .meta({ description: "Defaults for {{ params.NAME }}, overridable when triggering by hand" }),
    default_args: defaultArgsSchema.optional(),
    tasks: z
      .array(taskSchema, { error: "expected a non-empty list of tasks" })
      .min(1, { error: "expected a non-empty list of tasks" })
      .max(MAX_TASKS, { error: `expected at most ${MAX_TASKS} tasks` })
      .meta({ description: "The tasks; depends_on makes them a graph" }),
  })
  .meta({
    title: "Updraft DAG file",
    description: "One DAG per file (YAML or JSON), format v1",
  });

export type DagFileInput = z.input<typeof dagFileSchema>;
export type DagFile = z.output<typeof dagFileSchema>;
export type DagFileTask = z.output<typeof taskSchema>;
export type DagFileDefaultArgs = z.output<typeof defaultArgsSchema>;
