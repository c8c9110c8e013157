export type QuotaField = "cpu" | "memory" | "gpus" | "pods" | "maxConcurrentTasks";

export const QUOTA_FIELDS: { field: QuotaField; label: string; hint: string; quantity: boolean }[] = [
  { field: "cpu", label: "CPU", hint: 'cores, e.g. "4" or "500m"', quantity: true },
  { field: "memory", label: "Memory", hint: 'bytes, e.g. "16Gi" or "512Mi"', quantity: true },
  { field: "gpus", label: "GPUs", hint: "whole GPUs", quantity: false },
  { field: "pods", label: "Pods", hint: "one per running task", quantity: false },
  { field: "maxConcurrentTasks", label: "Max concurrent tasks", hint: "queued + running", quantity: false },
];

const ALIASES: Record<string, QuotaField> = {
  cpu: "cpu",
  memory: "memory",
  gpu: "gpus",
  gpus: "gpus",
  pods: "pods",
  maxconcurrenttasks: "maxConcurrentTasks",
  max_concurrent_tasks: "maxConcurrentTasks",
  "max concurrent tasks": "maxConcurrentTasks",
};

/**
 * The quota fields a server message names ("Invalid quota: cpu: …; pods: …",
 * or "quota.gpus: …" for input-shape errors), so the form can mark them.
 */
export function fieldsNamedIn(message: string): Set<QuotaField> {
  const named = new Set<QuotaField>();
  for (const part of message.split(/;\s+/)) {
    const match = /^\s*(?:Invalid quota:\s*)?(?:quota\.)?([A-Za-z_ ]+?)\s*:/.exec(part);
    const field = match ? ALIASES[match[1]!.toLowerCase()] : undefined;
    if (field) named.add(field);
  }
  return named;
}
