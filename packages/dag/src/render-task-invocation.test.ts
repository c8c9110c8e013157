import { describe, expect, it } from "vitest";
import { parseDagFile } from "./parse-dag-file";
import { renderTaskInvocation } from "./render-task-invocation";
import type { DagSpec, RunContext } from "./types";

function parse(source: string): DagSpec {
  const result = parseDagFile("t.yaml", source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.spec;
}

const SOURCE = `dag_id: reports.daily
params:
  region: eu-west
  sample_rate: 0.1
  limit: 10
  enabled: true
  nothing: null
  columns: [a, b]
  filters: { country: NL }
tasks:
  - task_id: export
    command: [sh, -c, "echo {{ ds }} {{ run_id }}"]
    args:
      - "{{ds}}"
      - "{{ ds_nodash }}"
      - "{{ ts }}"
      - "{{ data_interval_start }}"
      - "{{ data_interval_end }}"
      - "{{ logical_date }}"
      - "{{ run_id }}"
      - "{{ dag.dag_id }}/{{ task.task_id }}"
      - "try {{ try_number }}"
      - "{{ params.region }}:{{ params.sample_rate }}:{{ params.limit }}:{{ params.enabled }}:{{ params.nothing }}"
      - "{{ params.columns }} {{ params.filters }}"
      - "literal }} and { braces }"
    env:
      DS: "{{ ds }}"
      PLAIN: plain
`;

const RUN: RunContext = {
  runId: "scheduled__2025-01-01T00:00:00+00:00",
  logicalDate: new Date("2025-01-01T00:00:00Z"),
  dataIntervalStart: new Date("2025-01-01T00:00:00Z"),
  dataIntervalEnd: new Date("2025-01-02T00:00:00Z"),
  conf: {},
};

describe("renderTaskInvocation", () => {
  it("renders every template variable in Airflow's formats", () => {
    const spec = parse(SOURCE);
    const task = spec.tasks[0]!;
    expect(renderTaskInvocation(spec, task, RUN, 2)).toEqual({
      command: ["sh", "-c", "echo 2025-01-01 scheduled__2025-01-01T00:00:00+00:00"],
      args: [
        "2025-01-01",
        "20250101",
        "2025-01-01T00:00:00+00:00",
        "2025-01-01T00:00:00+00:00",
        "2025-01-02T00:00:00+00:00",
        "2025-01-01T00:00:00+00:00",
        "scheduled__2025-01-01T00:00:00+00:00",
        "reports.daily/export",
        "try 2",
        "eu-west:0.1:10:true:null",
        '["a","b"] {"country":"NL"}',
        "literal }} and { braces }",
      ],
      env: { DS: "2025-01-01", PLAIN: "plain" },
    });
  });

  it("lets run.conf override params", () => {
    const spec = parse(SOURCE);
    const rendered = renderTaskInvocation(spec, spec.tasks[0]!, { ...RUN, conf: { region: "us-east", limit: 99 } }, 1);
    expect(rendered.args[9]).toBe("us-east:0.1:99:true:null");
  });

  it("uses the UTC date for ds and shows milliseconds as microseconds like Python", () => {
    const spec = parse(SOURCE);
    const manual: RunContext = {
      runId: "manual__2025-03-30T23:30:15.250+00:00",
      logicalDate: new Date("2025-03-30T23:30:15.250Z"),
      dataIntervalStart: new Date("2025-03-30T23:30:15.250Z"),
      dataIntervalEnd: new Date("2025-03-30T23:30:15.250Z"),
      conf: {},
    };
    const { args } = renderTaskInvocation(spec, spec.tasks[0]!, manual, 1);
    expect(args.slice(0, 3)).toEqual(["2025-03-30", "20250330", "2025-03-30T23:30:15.250000+00:00"]);
  });

  it("does not evaluate anything but variable names", () => {
    const spec = parse(SOURCE);
    const task = { ...spec.tasks[0]!, args: ["{{ constructor.constructor }}"] };
    expect(() => renderTaskInvocation(spec, task, RUN, 1)).toThrow(/no value/);
    const call = { ...spec.tasks[0]!, args: ["{{ process.exit() }}"] };
    expect(() => renderTaskInvocation(spec, call, RUN, 1)).toThrow(/invalid template expression/);
  });
});
