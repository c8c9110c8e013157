/** A chain t0 → t1 → … of `length` tasks running `true`. */
export function chainDag(dagId: string, length: number, maxActiveRuns: number): string {
  const tasks = Array.from({ length }, (_, i) =>
    i === 0 ? `  - { task_id: t0, command: ["true"] }` : `  - { task_id: t${i}, depends_on: [t${i - 1}], command: ["true"] }`,
  );
  return `dag_id: ${dagId}\nschedule: null\nmax_active_runs: ${maxActiveRuns}\ntasks:\n${tasks.join("\n")}\n`;
}

/** `width` independent tasks running `true`, all allowed to run at once. */
export function wideDag(dagId: string, width: number): string {
  const tasks = Array.from({ length: width }, (_, i) => `  - { task_id: t${i}, command: ["true"] }`);
  return `dag_id: ${dagId}\nschedule: null\nmax_active_tasks: ${width}\ntasks:\n${tasks.join("\n")}\n`;
}
