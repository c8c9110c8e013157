import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDagError } from "./format-dag-error";
import { parseDagFile } from "./parse-dag-file";
import type { DagSpec, TaskSpec } from "./types";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");

function specFor(fileName: string, source: string): DagSpec {
  const result = parseDagFile(fileName, source);
  if (!result.ok) throw new Error(`expected ${fileName} to parse:\n${result.errors.map(formatDagError).join("\n")}`);
  return result.spec;
}

const TASK_DEFAULTS: Omit<TaskSpec, "task_id" | "command"> = {
  depends_on: [],
  trigger_rule: "all_success",
  image: null,
  args: [],
  env: {},
  connections: [],
  secrets: [],
  retries: 0,
  retry_delay: 300,
  retry_exponential_backoff: false,
  max_retry_delay: null,
  execution_timeout: null,
  resources: { requests: {}, limits: {} },
  node_selector: {},
  tolerations: [],
  pool: null,
  priority_weight: 1,
};

const EXAMPLE_SPEC: DagSpec = {
  dag_id: "ml_pipeline",
  description: "Daily preprocessing and training",
  schedule: "0 0 * * *",
  timezone: "UTC",
  start_date: "2025-01-01T00:00:00.000Z",
  end_date: null,
  catchup: false,
  max_active_runs: 16,
  max_active_tasks: 32,
  tags: ["ml", "daily"],
  params: { sample_rate: 0.1 },
  tasks: [
    {
      task_id: "preprocess",
      depends_on: [],
      trigger_rule: "all_success",
      image: "ghcr.io/acme/data-worker:1.4",
      command: ["python", "/scripts/preprocess.py"],
      args: ["--date", "{{ ds }}", "--rate", "{{ params.sample_rate }}"],
      env: { EXECUTION_DATE: "{{ ds }}", S3_BUCKET: "my-data-bucket" },
      connections: ["warehouse"],
      secrets: ["openai_api_key"],
      retries: 2,
      retry_delay: 300,
      retry_exponential_backoff: true,
      max_retry_delay: 3600,
      execution_timeout: 7200,
      resources: { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "4", memory: "8Gi" } },
      node_selector: {},
      tolerations: [],
      pool: null,
      priority_weight: 1,
    },
    {
      task_id: "train_model",
      depends_on: ["preprocess"],
      trigger_rule: "all_success",
      image: "ghcr.io/acme/ml-gpu:2.1",
      command: ["python", "/scripts/train.py"],
      args: [],
      env: {},
      connections: [],
      secrets: [],
      retries: 2,
      retry_delay: 300,
      retry_exponential_backoff: true,
      max_retry_delay: 3600,
      execution_timeout: 7200,
      // requests come from the task (gpu added), limits are inherited from default_args
      resources: { requests: { cpu: "4", memory: "16Gi", gpu: 1 }, limits: { cpu: "2", memory: "4Gi" } },
      node_selector: { "node.kubernetes.io/instance-type": "p3.2xlarge" },
      tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
      pool: "gpu",
      priority_weight: 1,
    },
    {
      task_id: "notify",
      depends_on: ["train_model"],
      trigger_rule: "all_done",
      image: "ghcr.io/acme/data-worker:1.4",
      command: ["sh", "-c", "echo finished {{ run_id }}"],
      args: [],
      env: {},
      connections: [],
      secrets: [],
      retries: 2,
      retry_delay: 300,
      retry_exponential_backoff: true,
      max_retry_delay: 3600,
      execution_timeout: 7200,
      resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "4Gi" } },
      node_selector: {},
      tolerations: [],
      pool: null,
      priority_weight: 1,
    },
  ],
};

describe("parseDagFile accepts valid files", () => {
  it("parses the example of packages/dag/README.md with default_args merged into every task", () => {
    expect(specFor("ml.yaml", fixture("ml_pipeline.yaml"))).toEqual(EXAMPLE_SPEC);
  });

  it("parses the JSON version of the example to the same spec", () => {
    expect(specFor("ml.json", fixture("ml_pipeline.json"))).toEqual(EXAMPLE_SPEC);
  });

  it("produces a spec that survives a JSON round trip unchanged (no undefined, no Date objects)", () => {
    const spec = specFor("ml.yaml", fixture("ml_pipeline.yaml"));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("fills every default for a minimal manual DAG", () => {
    const spec = specFor("min.yaml", "dag_id: min\ntasks:\n  - task_id: only\n    command: [true]\n");
    expect(spec).toEqual({
      dag_id: "min",
      description: null,
      schedule: null,
      timezone: "UTC",
      start_date: null,
      end_date: null,
      catchup: false,
      max_active_runs: 16,
      max_active_tasks: 16,
      tags: [],
      params: {},
      tasks: [{ ...TASK_DEFAULTS, task_id: "only", command: ["true"] }],
    });
  });

  it("lets task fields win over default_args and merges resources per quantity", () => {
    const source = `dag_id: merge
default_args:
  retries: 3
  pool: shared
  env: { A: "1" }
  resources:
    requests: { cpu: 250m, memory: 256Mi }
    limits: { memory: 1Gi }
tasks:
  - task_id: inherits
    command: [x]
  - task_id: overrides
    command: [x]
    retries: 0
    pool: null
    env: { B: "2" }
    resources:
      requests: { cpu: "1" }
`;
    const [inherits, overrides] = specFor("merge.yaml", source).tasks;
    expect(inherits).toMatchObject({
      retries: 3,
      pool: "shared",
      env: { A: "1" },
      resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "1Gi" } },
    });
    expect(overrides).toMatchObject({
      retries: 0,
      pool: null,
      env: { B: "2" },
      resources: { requests: { cpu: "1", memory: "256Mi" }, limits: { memory: "1Gi" } },
    });
  });

  it("takes command from default_args when a task has none", () => {
    const source = `dag_id: shared_cmd
default_args:
  command: [python, job.py]
tasks:
  - task_id: a
    args: ["--part", 1]
  - task_id: b
    args: ["--part", 2]
`;
    const spec = specFor("a.yaml", source);
    expect(spec.tasks.map((t) => [t.command, t.args])).toEqual([
      [["python", "job.py"], ["--part", "1"]],
      [["python", "job.py"], ["--part", "2"]],
    ]);
  });

  it("turns numbers and booleans in command, args and env into strings", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [sleep, 5]
    args: [--verbose, true, 0.5]
    env: { RETRIES: 3, DEBUG: false, NAME: x }
`;
    const [task] = specFor("a.yaml", source).tasks;
    expect(task?.command).toEqual(["sleep", "5"]);
    expect(task?.args).toEqual(["--verbose", "true", "0.5"]);
    expect(task?.env).toEqual({ RETRIES: "3", DEBUG: "false", NAME: "x" });
  });

  it("accepts every duration form", () => {
    const source = `dag_id: a
tasks:
  - task_id: a
    command: [x]
    retry_delay: 30s
    max_retry_delay: 1h30m
    execution_timeout: 2d
  - task_id: b
    command: [x]
    retry_delay: 90
    max_retry_delay: "600"
    execution_timeout: null
`;
    const [a, b] = specFor("a.yaml", source).tasks;
    expect([a?.retry_delay, a?.max_retry_delay, a?.execution_timeout]).toEqual([30, 5400, 172_800]);
    expect([b?.retry_delay, b?.max_retry_delay, b?.execution_timeout]).toEqual([90, 600, null]);
  });

  it("normalizes every schedule preset to cron", () => {
    const presets: Array<[string, string]> = [
      ['"@hourly"', "0 * * * *"],
      ['"@daily"', "0 0 * * *"],
      ["'@weekly'", "0 0 * * 0"],
      ['"@monthly"', "0 0 1 * *"],
      ['"@yearly"', "0 0 1 1 *"],
      ["'*/15  9-17 * * MON-FRI'", "*/15 9-17 * * MON-FRI"],
    ];
    for (const [written, cron] of presets) {
      const source = `dag_id: a\nschedule: ${written}\nstart_date: 2025-01-01\ntasks: [{task_id: a, command: [x]}]\n`;
      expect(specFor("a.yaml", source).schedule).toBe(cron);
    }
  });

  it("reads zone-less dates in the DAG's time zone and keeps explicit offsets", () => {
    const source = `dag_id: a
schedule: "@daily"
timezone: Europe/Amsterdam
start_date: 2025-01-01
end_date: 2025-07-01 06:30
tasks: [{task_id: a, command: [x]}]
`;
    const spec = specFor("a.yaml", source);
    expect(spec.start_date).toBe("2024-12-31T23:00:00.000Z");
    expect(spec.end_date).toBe("2025-07-01T04:30:00.000Z");

    const withOffsets = source
      .replace("start_date: 2025-01-01", "start_date: 2025-01-01T00:00:00Z")
      .replace("end_date: 2025-07-01 06:30", "end_date: 2025-07-01T06:30:00-04:00");
    const spec2 = specFor("a.yaml", withOffsets);
    expect(spec2.start_date).toBe("2025-01-01T00:00:00.000Z");
    expect(spec2.end_date).toBe("2025-07-01T10:30:00.000Z");
  });

  it("spells a time zone the way the runtime does when only the case differs", () => {
    const source = "dag_id: a\ntimezone: europe/amsterdam\ntasks: [{task_id: a, command: [x]}]\n";
    expect(specFor("a.yaml", source).timezone).toBe("Europe/Amsterdam");
  });

  it("accepts an explicit null schedule without start_date", () => {
    const spec = specFor("a.yaml", "dag_id: a\nschedule: null\ntasks: [{task_id: a, command: [x]}]\n");
    expect(spec.schedule).toBeNull();
  });

  it("lets 1,000 tasks reuse one anchor", () => {
    const tasks = Array.from({ length: 1_000 }, (_, i) =>
      i === 0 ? "  - {task_id: t0, command: &cmd [echo, hi]}" : `  - {task_id: t${i}, command: *cmd, depends_on: [t${i - 1}]}`,
    ).join("\n");
    const spec = specFor("big.yaml", `dag_id: big\ntasks:\n${tasks}\n`);
    expect(spec.tasks).toHaveLength(1_000);
    expect(spec.tasks[999]?.command).toEqual(["echo", "hi"]);
    expect(spec.tasks[999]?.depends_on).toEqual(["t998"]);
  });

  it("supports YAML merge keys for shared task fields", () => {
    const source = `dag_id: a
tasks:
  - &base
    task_id: first
    command: [run]
    retries: 4
  - <<: *base
    task_id: second
    depends_on: [first]
`;
    const [, second] = specFor("a.yaml", source).tasks;
    expect(second).toMatchObject({ task_id: "second", command: ["run"], retries: 4, depends_on: ["first"] });
  });

  it("keeps dates, octal-looking and yes/no values as YAML 1.2 reads them", () => {
    const source = `dag_id: a
tags: [yes, no, on, "2025-01-01"]
params: { when: 2025-01-01, mode: 0755, flag: yes }
tasks: [{task_id: a, command: [x]}]
`;
    const spec = specFor("a.yaml", source);
    expect(spec.tags).toEqual(["yes", "no", "on", "2025-01-01"]);
    expect(spec.params).toEqual({ when: "2025-01-01", mode: 755, flag: "yes" });
  });

  it("accepts a diamond-shaped graph", () => {
    const source = `dag_id: diamond
tasks:
  - {task_id: a, command: [x]}
  - {task_id: b, command: [x], depends_on: [a]}
  - {task_id: c, command: [x], depends_on: [a]}
  - {task_id: d, command: [x], depends_on: [b, c], trigger_rule: none_failed_min_one_success}
`;
    expect(specFor("d.yaml", source).tasks.map((t) => t.depends_on)).toEqual([[], ["a"], ["a"], ["b", "c"]]);
  });
});
