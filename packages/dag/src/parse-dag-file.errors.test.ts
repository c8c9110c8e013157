import { describe, expect, it } from "vitest";
import { formatDagError } from "./format-dag-error";
import { parseDagFile } from "./parse-dag-file";

/** The formatted errors a user sees for `source`; fails the test when the file is accepted. */
function errorsFor(fileName: string, source: string): string[] {
  const result = parseDagFile(fileName, source);
  if (result.ok) throw new Error(`expected ${fileName} to be rejected, but it parsed`);
  return result.errors.map(formatDagError);
}

const TASK_KEYS =
  "task_id, depends_on, trigger_rule, image, command, args, env, connections, secrets, retries, retry_delay, " +
  "retry_exponential_backoff, max_retry_delay, execution_timeout, resources, node_selector, tolerations, pool, priority_weight";
const TEMPLATE_NAMES =
  "ds, ds_nodash, ts, data_interval_start, data_interval_end, logical_date, run_id, dag.dag_id, task.task_id, try_number";

describe("parseDagFile rejects malformed files with positioned errors", () => {
  it("unknown depends_on entry, with a suggestion", () => {
    const source = `dag_id: ml
tasks:
  - task_id: preprocess
    command: [python, pre.py]
  - task_id: train
    command: [python, train.py]
    depends_on: [prepocess]
`;
    expect(errorsFor("ml.yaml", source)).toEqual([
      'ml.yaml:7:18 tasks[1].depends_on[0]: unknown task "prepocess" (did you mean "preprocess"?)',
    ]);
  });

  it("unknown depends_on entry without a close match lists the task ids", () => {
    const source = `dag_id: ml
tasks:
  - task_id: extract
    command: [x]
  - task_id: load
    command: [x]
    depends_on: [transform]
`;
    expect(errorsFor("ml.yaml", source)).toEqual([
      'ml.yaml:7:18 tasks[1].depends_on[0]: unknown task "transform"; expected one of the task ids in this file: extract, load',
    ]);
  });

  it("duplicate task ids point at the second one", () => {
    const source = `dag_id: d
tasks:
  - task_id: a
    command: [x]
  - task_id: a
    command: [y]
`;
    expect(errorsFor("d.yaml", source)).toEqual([
      'd.yaml:5:14 tasks[1].task_id: duplicate task id "a": tasks[0] already uses it; task ids must be unique',
    ]);
  });

  it("a three-task cycle is named in run order", () => {
    const source = `dag_id: c
tasks:
  - task_id: a
    command: [x]
    depends_on: [c]
  - task_id: b
    command: [x]
    depends_on: [a]
  - task_id: c
    command: [x]
    depends_on: [b]
`;
    expect(errorsFor("c.yaml", source)).toEqual([
      "c.yaml:5:18 tasks[0].depends_on[0]: dependency cycle: a -> b -> c -> a",
    ]);
  });

  it("two separate cycles are each reported once", () => {
    const source = `dag_id: c
tasks:
  - {task_id: start, command: [x]}
  - {task_id: x, command: [x], depends_on: [start, y]}
  - {task_id: y, command: [x], depends_on: [x]}
  - {task_id: p, command: [x], depends_on: [r]}
  - {task_id: q, command: [x], depends_on: [p]}
  - {task_id: r, command: [x], depends_on: [q]}
`;
    expect(errorsFor("c.yaml", source)).toEqual([
      "c.yaml:4:52 tasks[1].depends_on[1]: dependency cycle: x -> y -> x",
      "c.yaml:6:45 tasks[3].depends_on[0]: dependency cycle: p -> q -> r -> p",
    ]);
  });

  it("self-dependency and a repeated depends_on entry", () => {
    const source = `dag_id: s
tasks:
  - task_id: a
    command: [x]
  - task_id: b
    command: [x]
    depends_on: [b, a, a]
`;
    expect(errorsFor("s.yaml", source)).toEqual([
      's.yaml:7:18 tasks[1].depends_on[0]: task "b" cannot depend on itself',
      's.yaml:7:24 tasks[1].depends_on[2]: task "a" is listed twice in depends_on',
    ]);
  });

  it("cron with an out-of-range value", () => {
    const source = `dag_id: a
schedule: "61 * * * *"
start_date: 2025-01-01
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:11 schedule: invalid cron expression "61 * * * *": Constraint error, got value 61 expected range 0-59 (fields: minute hour day-of-month month day-of-week)',
    ]);
  });

  it("cron with six fields", () => {
    const source = `dag_id: a
schedule: "0 0 * * * *"
start_date: 2025-01-01
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:11 schedule: invalid cron expression "0 0 * * * *": expected 5 fields (minute hour day-of-month month day-of-week), got 6',
    ]);
  });

  it("unknown schedule preset, with a suggestion", () => {
    const source = `dag_id: a
schedule: "@daly"
start_date: 2025-01-01
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:11 schedule: unknown schedule preset "@daly": expected one of @hourly, @daily, @weekly, @monthly, @yearly, a 5-field cron expression, or null (did you mean "@daily"?)',
    ]);
  });

  it("unknown time zone, with a suggestion", () => {
    const source = `dag_id: a
timezone: Europe/Amsterdm
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:11 timezone: unknown time zone "Europe/Amsterdm": expected an IANA name such as "UTC" or "Europe/Amsterdam" (did you mean "Europe/Amsterdam"?)',
    ]);
  });

  it("bad duration", () => {
    const source = `dag_id: a
default_args:
  retry_delay: 5 minutes
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:3:16 default_args.retry_delay: expected a duration like 30s, 5m, 1h, 1h30m or 2d, or a whole number of seconds, greater than 0, got "5 minutes"',
    ]);
  });

  it("zero execution_timeout", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    execution_timeout: 0
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:5:24 tasks[0].execution_timeout: expected a duration like 30s, 5m, 1h, 1h30m or 2d, or a whole number of seconds, greater than 0, or null, got 0",
    ]);
  });

  it("negative retries", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    retries: -1
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:5:14 tasks[0].retries: expected a whole number of retries (0 or more), got -1",
    ]);
  });

  it("missing command points at the task mapping", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
  - task_id: b
    retries: 1
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:5:5 tasks[1].command: missing required key "command": expected a non-empty list of strings, e.g. [python, /scripts/run.py] (set it on the task or in default_args)',
    ]);
  });

  it("command given as a string instead of a list", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: python run.py
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:4:14 tasks[0].command: expected a non-empty list of strings, e.g. [python, /scripts/run.py], got "python run.py"',
    ]);
  });

  it("empty command value points at its key", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command:
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:4:5 tasks[0].command: expected a non-empty list of strings, e.g. [python, /scripts/run.py], got null",
    ]);
  });

  it("missing tasks points at the top-level mapping", () => {
    const source = `# nightly export
dag_id: a
schedule: null
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:1 tasks: missing required key "tasks": expected a non-empty list of tasks',
    ]);
  });

  it("empty task list", () => {
    expect(errorsFor("a.yaml", "dag_id: a\ntasks: []\n")).toEqual([
      "a.yaml:2:8 tasks: expected a non-empty list of tasks, got an empty list",
    ]);
  });

  it("missing dag_id and task_id point at their parent mappings", () => {
    const source = `tasks:
  - command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:1:1 dag_id: missing required key "dag_id": expected a DAG id of 1-200 characters from a-z, 0-9, "_", "." and "-"',
      'a.yaml:2:5 tasks[0].task_id: missing required key "task_id": expected a task id of 1-200 characters from a-z, 0-9, "_", "." and "-"',
    ]);
  });

  it("unknown top-level key, with a suggestion", () => {
    const source = `dag_id: a
scheduel: "@daily"
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:1 scheduel: unknown key "scheduel" (did you mean "schedule"?)',
    ]);
  });

  it("unknown task key lists the allowed keys", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    operator: BashOperator
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      `a.yaml:5:5 tasks[0].operator: unknown key "operator"; expected one of: ${TASK_KEYS}`,
    ]);
  });

  it("task_id in default_args", () => {
    const source = `dag_id: a
default_args:
  task_id: a
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:3:3 default_args.task_id: "task_id" cannot be set in default_args: set it on each task',
    ]);
  });

  it("wrong type", () => {
    const source = `dag_id: a
catchup: "yes"
max_active_runs: 0
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:10 catchup: expected true or false, got "yes"',
      "a.yaml:3:18 max_active_runs: expected a whole number (1 or more), got 0",
    ]);
  });

  it("bad dag_id characters", () => {
    const source = `dag_id: My Pipeline
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:1:9 dag_id: expected a DAG id of 1-200 characters from a-z, 0-9, "_", "." and "-", got "My Pipeline"',
    ]);
  });

  it("schedule without start_date", () => {
    const source = `dag_id: a
schedule: "@hourly"
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:1:1 start_date: missing required key "start_date": a DAG with a schedule needs a start date like 2025-01-01 (or use schedule: null for manual runs only)',
    ]);
  });

  it("end_date before start_date (read in the DAG's time zone)", () => {
    const source = `dag_id: a
schedule: "@daily"
timezone: Europe/Amsterdam
start_date: 2025-01-01
end_date: 2024-12-31T23:30:00
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:5:11 end_date: end_date 2024-12-31T23:30:00 must be after start_date 2025-01-01",
    ]);
  });

  it("invalid start_date", () => {
    const source = `dag_id: a
schedule: "@daily"
start_date: 2025-02-30
tasks:
  - task_id: a
    command: [x]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:3:13 start_date: expected a date like 2025-01-01 or a date-time like 2025-01-01T06:00:00 (optionally ending in Z or an offset like +02:00), or null, got "2025-02-30"',
    ]);
  });

  it("bad resource quantities and an unknown resources key", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    resources:
      requests: { cpu: 500 millicores, memory: 1GB, gpu: -1 }
      limit: { cpu: "1" }
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:6:24 tasks[0].resources.requests.cpu: expected a Kubernetes CPU quantity like "500m" or "2", got "500 millicores"',
      'a.yaml:6:48 tasks[0].resources.requests.memory: expected a Kubernetes memory quantity like "512Mi" or "4Gi", got "1GB"',
      "a.yaml:6:58 tasks[0].resources.requests.gpu: expected a whole number of GPUs (0 or more), got -1",
      'a.yaml:7:7 tasks[0].resources.limit: unknown key "limit" (did you mean "limits"?)',
    ]);
  });

  it("bad trigger_rule, with a suggestion", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    trigger_rule: all_sucess
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:5:19 tasks[0].trigger_rule: expected one of all_success, all_failed, all_done, all_skipped, one_success, one_failed, one_done, none_failed, none_skipped, none_failed_min_one_success, always, got "all_sucess" (did you mean "all_success"?)',
    ]);
  });

  it("bad env names and values, node selector and toleration", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    env: { "MY-VAR": x, OK: 1, EMPTY: null }
    node_selector: { "bad key!": x }
    tolerations: [{ operator: Maybe }]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:5:12 tasks[0].env["MY-VAR"]: expected an environment variable name (letters, digits and "_", not starting with a digit), got "MY-VAR"',
      "a.yaml:5:39 tasks[0].env.EMPTY: expected a string, number or boolean, got null",
      'a.yaml:6:22 tasks[0].node_selector["bad key!"]: expected a Kubernetes label name like node.kubernetes.io/instance-type, got "bad key!"',
      'a.yaml:7:31 tasks[0].tolerations[0].operator: expected one of Exists, Equal, got "Maybe"',
    ]);
  });

  it("unknown template variable", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [echo]
    args: ["--date", "{{ dss }}"]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      `a.yaml:5:22 tasks[0].args[1]: unknown template variable "dss" in "{{ dss }}"; expected one of ${TEMPLATE_NAMES} or params.NAME (did you mean "ds"?)`,
    ]);
  });

  it("param not declared in params", () => {
    const source = `dag_id: a
params:
  sample_rate: 0.1
tasks:
  - task_id: a
    command: [echo]
    env:
      RATE: "rate={{ params.sample_rat }}"
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:8:13 tasks[0].env.RATE: template "{{ params.sample_rat }}" uses param "sample_rat", which is not declared in params (did you mean "sample_rate"?)',
    ]);
  });

  it("malformed template expressions", () => {
    const source = `dag_id: a
default_args:
  command: [echo, "{{ ds | upper }}", "{{ ds"]
tasks:
  - task_id: a
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:3:19 default_args.command[1]: invalid template expression "{{ ds | upper }}": only a variable like {{ ds }} or {{ params.NAME }} is allowed',
      'a.yaml:3:39 default_args.command[2]: unclosed template expression "{{ ds": expected "}}" after "{{"',
    ]);
  });

  it("YAML syntax error", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x, y
  - task_id: b
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:5:3 (file): invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  it("unquoted @preset explains how to quote it", () => {
    const source = `dag_id: a
schedule: @daily
start_date: 2025-01-01
tasks: [{task_id: a, command: [x]}]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:2:11 schedule: invalid YAML: Plain value cannot start with reserved character @; put the value in quotes: "@daily"',
    ]);
  });

  it("recursive alias", () => {
    const source = `dag_id: a
params:
  loop: &loop { self: *loop }
tasks: [{task_id: a, command: [x]}]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:3:23 params.loop.self: YAML alias "*loop" is inside the value it refers to: recursive data is not allowed',
    ]);
  });

  it("a list used as a mapping key", () => {
    const source = `dag_id: a
? [a, b]
: y
tasks: [{task_id: a, command: [x]}]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:2:3 (file): expected a plain key (a string), got a list, mapping or alias",
    ]);
  });

  it("deeply nested lists", () => {
    const source = `dag_id: a\nparams:\n  x: ${"[".repeat(5_000)}${"]".repeat(5_000)}\ntasks: [{task_id: a, command: [x]}]\n`;
    const errors = errorsFor("a.yaml", source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^a\.yaml:3:\d+ \(file\): lists and mappings are nested too deeply: flatten the structure$/);
  });

  it("params that are not plain data", () => {
    const source = `dag_id: a
params: { ratio: .nan }
tasks: [{task_id: a, command: [x]}]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:2:9 params: expected parameter values made of strings, finite numbers, booleans, null, lists and mappings (at most 64 levels deep), got a mapping",
    ]);
  });

  it("tab indentation", () => {
    expect(errorsFor("a.yaml", "dag_id: a\ntasks:\n\t- task_id: a\n")).toEqual([
      "a.yaml:3:1 (file): invalid YAML: Tabs are not allowed as indentation",
    ]);
  });

  it("duplicate key", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    command: [y]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:5:5 tasks[0].command: duplicate key "command" in a mapping: each key may appear only once',
    ]);
  });

  it("alias bomb (billion laughs)", () => {
    const source = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;
    // Expanding it would take minutes and gigabytes: the test's own timeout is the backstop.
    expect(errorsFor("bomb.yaml", source)).toEqual([
      'bomb.yaml:1:1 (file): YAML aliases expand to too much data (a "billion laughs" document): use fewer aliases (*name) or write the values out',
    ]);
  });

  it("alias to an undefined anchor", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: *cmd
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:4:14 tasks[0].command: unknown YAML alias "*cmd": define the anchor "&cmd" before using it',
    ]);
  });

  it("custom YAML tags", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: !!python/object/apply:os.system ["rm -rf /"]
    env: { TOKEN: !vault secret/token }
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:4:14 tasks[0].command: custom YAML tag "!!python/object/apply:os.system" is not allowed on this collection: use plain strings, numbers, booleans, null, lists and mappings',
      'a.yaml:5:19 tasks[0].env.TOKEN: custom YAML tag "!vault" is not allowed on this value: use plain strings, numbers, booleans, null, lists and mappings',
    ]);
  });

  it("file over 1 MiB", () => {
    const source = `dag_id: a\n# ${"x".repeat(1_048_576)}\n`;
    expect(errorsFor("big.yaml", source)).toEqual([
      "big.yaml:1:1 (file): the file is larger than 1 MiB (1048576 bytes): split the DAG or move data out of it",
    ]);
  });

  it("counts the size in UTF-8 bytes, not characters", () => {
    // 400,000 "é" are 800,000 bytes; 350,000 "€" are 1,050,000 bytes (over the limit) in 350,000 characters.
    const fits = `dag_id: a\ndescription: "${"é".repeat(400_000)}"\ntasks: [{task_id: a, command: [x]}]\n`;
    expect(parseDagFile("a.yaml", fits).ok).toBe(true);
    const tooBig = `dag_id: a\ndescription: "${"€".repeat(350_000)}"\ntasks: [{task_id: a, command: [x]}]\n`;
    expect(errorsFor("a.yaml", tooBig)).toEqual([
      "a.yaml:1:1 (file): the file is larger than 1 MiB (1048576 bytes): split the DAG or move data out of it",
    ]);
  });

  it("more than 1,000 tasks", () => {
    const tasks = Array.from({ length: 1_001 }, (_, i) => `  - {task_id: t${i}, command: [x]}`).join("\n");
    expect(errorsFor("many.yaml", `dag_id: a\ntasks:\n${tasks}\n`)).toEqual([
      "many.yaml:3:3 tasks: expected at most 1000 tasks, got 1001: split the DAG into smaller ones",
    ]);
  });

  it("several YAML documents", () => {
    const source = `dag_id: a
tasks: [{task_id: a, command: [x]}]
---
dag_id: b
tasks: [{task_id: b, command: [x]}]
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      'a.yaml:3:1 (file): found 2 YAML documents: a DAG file must hold exactly one (remove the "---" separators)',
    ]);
  });

  it("a list at the top level", () => {
    expect(errorsFor("a.yaml", "- dag_id: a\n  tasks: []\n")).toEqual([
      "a.yaml:1:1 (file): expected a mapping with dag_id, schedule, tasks, … at the top level, got a list",
    ]);
  });

  it("an empty file", () => {
    expect(errorsFor("a.yaml", "# nothing here\n")).toEqual([
      "a.yaml:1:1 (file): the file is empty: expected a mapping with dag_id and tasks",
    ]);
  });

  it("JSON file: errors carry JSON line and column", () => {
    const source = `{
  "dag_id": "j",
  "tasks": [
    {"task_id": "a", "command": ["x"]},
    {"task_id": "b", "command": "run.sh", "depends_on": ["aa"]}
  ]
}
`;
    expect(errorsFor("j.json", source)).toEqual([
      'j.json:5:33 tasks[1].command: expected a non-empty list of strings, e.g. [python, /scripts/run.py], got "run.sh"',
      'j.json:5:58 tasks[1].depends_on[0]: unknown task "aa"; expected one of the task ids in this file: a, b',
    ]);
  });

  it("JSON syntax error", () => {
    const source = `{
  "dag_id": "j",
  "tasks": [
    {"task_id": "a" "command": ["x"]}
  ]
}
`;
    const errors = errorsFor("j.json", source);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^j\.json:4:\d+ \(file\): invalid YAML: /);
  });

  it("collects every problem in one pass, in file order", () => {
    const source = `dag_id: Bad
schedule: "@daly"
start_date: 2025-01-01
tasks:
  - task_id: a
    command: [x]
    retries: -1
    depends_on: [b]
  - task_id: b
    command: [x]
    depends_on: [a]
  - task_id: c
    command: ["{{ nope }}"]
    depends_on: [d]
`;
    expect(errorsFor("all.yaml", source)).toEqual([
      'all.yaml:1:9 dag_id: expected a DAG id of 1-200 characters from a-z, 0-9, "_", "." and "-", got "Bad"',
      'all.yaml:2:11 schedule: unknown schedule preset "@daly": expected one of @hourly, @daily, @weekly, @monthly, @yearly, a 5-field cron expression, or null (did you mean "@daily"?)',
      "all.yaml:7:14 tasks[0].retries: expected a whole number of retries (0 or more), got -1",
      "all.yaml:8:18 tasks[0].depends_on[0]: dependency cycle: a -> b -> a",
      `all.yaml:13:15 tasks[2].command[0]: unknown template variable "nope" in "{{ nope }}"; expected one of ${TEMPLATE_NAMES} or params.NAME`,
      'all.yaml:14:18 tasks[2].depends_on[0]: unknown task "d"; expected one of the task ids in this file: a, b, c',
    ]);
  });

  it("errors inside a merged anchor are reported where the value is written", () => {
    const source = `dag_id: a
default_args:
  retries: &r -3
tasks:
  - task_id: a
    command: [x]
    retries: *r
`;
    expect(errorsFor("a.yaml", source)).toEqual([
      "a.yaml:3:15 default_args.retries: expected a whole number of retries (0 or more), got -3",
      "a.yaml:7:14 tasks[0].retries: expected a whole number of retries (0 or more), got -3",
    ]);
  });
});
