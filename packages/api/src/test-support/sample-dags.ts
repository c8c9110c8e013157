/** A small valid DAG: extract → (transform_a, transform_b) → load. */
export function sampleDagYaml(dagId = "etl_daily"): string {
  return `dag_id: ${dagId}
description: Nightly extract, transform and load
schedule: "@daily"
timezone: UTC
start_date: 2025-01-01
tags: [etl]
params:
  batch_size: 100
tasks:
  - task_id: extract
    command: [sh, -c, "echo extracting"]
  - task_id: transform_a
    depends_on: [extract]
    command: [sh, -c, "echo a"]
  - task_id: transform_b
    depends_on: [extract]
    command: [sh, -c, "echo b"]
  - task_id: load
    depends_on: [transform_a, transform_b]
    trigger_rule: all_done
    command: [sh, -c, "echo load {{ params.batch_size }}"]
`;
}

/** A DAG whose second task depends on a misspelt task id (line 7, column 17). */
export const DAG_WITH_UNKNOWN_UPSTREAM = `dag_id: broken
schedule: null
tasks:
  - task_id: preprocess
    command: [echo, hi]
  - task_id: train
    depends_on: [prepocess]
    command: [echo, train]
`;
