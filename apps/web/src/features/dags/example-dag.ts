/** The tiny example shown in the empty state and offered as a starting point. */
export const EXAMPLE_DAG_YAML = `dag_id: hello_world
description: My first Updraft DAG
schedule: "@daily"
start_date: 2025-01-01
tasks:
  - task_id: say_hello
    command: [sh, -c, "echo hello from {{ ds }}"]
  - task_id: say_goodbye
    depends_on: [say_hello]
    command: [sh, -c, "echo goodbye"]
`;
