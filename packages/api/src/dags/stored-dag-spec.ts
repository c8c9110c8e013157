import { z } from "zod";

/**
 * The parts of a stored (already validated) DagSpec the UI shows. Parsed with
 * zod because it crosses the database boundary as untyped JSON.
 */
const storedTaskSchema = z.looseObject({
  task_id: z.string(),
  depends_on: z.array(z.string()).default([]),
  trigger_rule: z.string().default("all_success"),
  command: z.array(z.string()).default([]),
  args: z.array(z.string()).default([]),
  image: z.string().nullable().default(null),
  retries: z.number().default(0),
});

const storedDagSpecSchema = z.looseObject({
  dag_id: z.string(),
  description: z.string().nullable().default(null),
  schedule: z.string().nullable().default(null),
  timezone: z.string().default("UTC"),
  tags: z.array(z.string()).default([]),
  params: z.record(z.string(), z.unknown()).default({}),
  tasks: z.array(storedTaskSchema).default([]),
});

export type StoredDagSpec = z.infer<typeof storedDagSpecSchema>;
export type StoredTask = z.infer<typeof storedTaskSchema>;

export function readStoredDagSpec(json: unknown): StoredDagSpec {
  const parsed = storedDagSpecSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Stored DAG spec is unreadable: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** The graph the UI draws: task ids with their upstream ids. */
export interface TaskNode {
  taskId: string;
  dependsOn: string[];
  triggerRule: string;
}

export function taskGraphOf(spec: StoredDagSpec): TaskNode[] {
  return spec.tasks.map((t) => ({ taskId: t.task_id, dependsOn: t.depends_on, triggerRule: t.trigger_rule }));
}
