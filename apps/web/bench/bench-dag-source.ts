/**
 * The DAG file every bench DAG is uploaded as (only the dag_id differs): ten
 * tasks, a fan-out / fan-in shape like a typical daily ETL, one retry each.
 */
export const BENCH_TASK_IDS = [
  "extract",
  "validate",
  "transform_orders",
  "transform_customers",
  "transform_products",
  "join",
  "aggregate",
  "quality_check",
  "load",
  "notify",
] as const;

/** The upstream tasks of each task (same order as BENCH_TASK_IDS). */
const UPSTREAM: Record<(typeof BENCH_TASK_IDS)[number], string[]> = {
  extract: [],
  validate: ["extract"],
  transform_orders: ["validate"],
  transform_customers: ["validate"],
  transform_products: ["validate"],
  join: ["transform_orders", "transform_customers", "transform_products"],
  aggregate: ["join"],
  quality_check: ["aggregate"],
  load: ["quality_check"],
  notify: ["load"],
};

/** The dag_id of bench DAG number `n` (0-based): bench_0000 … bench_0999. */
export function benchDagId(n: number): string {
  return `bench_${String(n).padStart(4, "0")}`;
}

export function benchDagFileName(n: number): string {
  return `${benchDagId(n)}.yaml`;
}

/** The YAML source of bench DAG number `n`. */
export function benchDagSource(n: number): string {
  const tasks = BENCH_TASK_IDS.map((taskId) => {
    const upstream = UPSTREAM[taskId];
    return [
      `  - task_id: ${taskId}`,
      ...(upstream.length > 0 ? [`    depends_on: [${upstream.join(", ")}]`] : []),
      `    command: [sh, -c, "echo ${taskId} for {{ ds }} && sleep 1"]`,
    ].join("\n");
  });
  return [
    `dag_id: ${benchDagId(n)}`,
    `description: Bench pipeline ${n}`,
    `schedule: "@daily"`,
    `start_date: 2026-01-01`,
    `catchup: false`,
    `tags: [bench, team-${n % 5}]`,
    `default_args:`,
    `  retries: 1`,
    `  retry_delay: 1m`,
    `tasks:`,
    ...tasks,
    "",
  ].join("\n");
}
