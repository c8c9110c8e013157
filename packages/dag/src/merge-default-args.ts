import type { DagFileDefaultArgs, DagFileTask } from "./dag-file-schema";
import type { ResourceQuantities, ResourceSpec, TaskSpec, Toleration } from "./types";

type Quantities = NonNullable<NonNullable<DagFileTask["resources"]>["requests"]>;

function quantities(base: Quantities | undefined, own: Quantities | undefined): ResourceQuantities {
  const merged = { ...base, ...own };
  const out: ResourceQuantities = {};
  if (merged.cpu !== undefined) out.cpu = merged.cpu;
  if (merged.memory !== undefined) out.memory = merged.memory;
  if (merged.gpu !== undefined) out.gpu = merged.gpu;
  return out;
}

function tolerations(list: NonNullable<DagFileTask["tolerations"]>): Toleration[] {
  return list.map((item) => {
    const out: Toleration = {};
    if (item.key !== undefined) out.key = item.key;
    if (item.operator !== undefined) out.operator = item.operator;
    if (item.value !== undefined) out.value = item.value;
    if (item.effect !== undefined) out.effect = item.effect;
    if (item.tolerationSeconds !== undefined) out.tolerationSeconds = item.tolerationSeconds;
    return out;
  });
}

/**
 * A task with default_args filled in and defaults for everything else. The
 * task's own value wins field by field (like Airflow's default_args); resources
 * are merged per quantity inside requests and limits.
 */
export function mergeDefaultArgs(task: DagFileTask, defaults: DagFileDefaultArgs | undefined): TaskSpec {
  const d = defaults ?? {};
  const pick = <K extends keyof DagFileDefaultArgs>(key: K): DagFileDefaultArgs[K] =>
    task[key] !== undefined ? task[key] : d[key];
  const resources: ResourceSpec = {
    requests: quantities(d.resources?.requests, task.resources?.requests),
    limits: quantities(d.resources?.limits, task.resources?.limits),
  };
  return {
    task_id: task.task_id,
    depends_on: task.depends_on ?? [],
    trigger_rule: pick("trigger_rule") ?? "all_success",
    image: pick("image") ?? null,
    command: pick("command") ?? [],
    args: pick("args") ?? [],
    env: { ...(pick("env") ?? {}) },
    connections: pick("connections") ?? [],
    secrets: pick("secrets") ?? [],
    retries: pick("retries") ?? 0,
    retry_delay: pick("retry_delay") ?? 300,
    retry_exponential_backoff: pick("retry_exponential_backoff") ?? false,
    max_retry_delay: pick("max_retry_delay") ?? null,
    execution_timeout: pick("execution_timeout") ?? null,
    resources,
    node_selector: { ...(pick("node_selector") ?? {}) },
    tolerations: tolerations(pick("tolerations") ?? []),
    pool: pick("pool") ?? null,
    priority_weight: pick("priority_weight") ?? 1,
  };
}
