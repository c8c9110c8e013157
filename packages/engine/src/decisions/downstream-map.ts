/** For each task id, the ids of the tasks that depend on it directly. */
export function downstreamMap(tasks: readonly { task_id: string; depends_on: readonly string[] }[]): Map<string, string[]> {
  const downstream = new Map<string, string[]>();
  for (const t of tasks) {
    for (const d of t.depends_on) {
      const list = downstream.get(d);
      if (list) list.push(t.task_id);
      else downstream.set(d, [t.task_id]);
    }
  }
  return downstream;
}
