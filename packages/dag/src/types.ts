export type TriggerRule =
  | "all_success"
  | "all_failed"
  | "all_done"
  | "all_skipped"
  | "one_success"
  | "one_failed"
  | "one_done"
  | "none_failed"
  | "none_skipped"
  | "none_failed_min_one_success"
  | "always";

export interface ResourceQuantities {
  cpu?: string;
  memory?: string;
  gpu?: number;
}

export interface ResourceSpec {
  requests: ResourceQuantities;
  limits: ResourceQuantities;
}

export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** One task with `default_args` already merged in. Durations are in seconds. */
export interface TaskSpec {
  task_id: string;
  depends_on: string[];
  trigger_rule: TriggerRule;
  image: string | null;
  command: string[];
  args: string[];
  env: Record<string, string>;
  connections: string[];
  secrets: string[];
  retries: number;
  retry_delay: number;
  retry_exponential_backoff: boolean;
  max_retry_delay: number | null;
  execution_timeout: number | null;
  resources: ResourceSpec;
  node_selector: Record<string, string>;
  tolerations: Toleration[];
  pool: string | null;
  priority_weight: number;
}

export interface DagSpec {
  dag_id: string;
  description: string | null;
  /** Normalized 5-field cron ("@daily" -> "0 0 * * *"); null = manual runs only. */
  schedule: string | null;
  timezone: string;
  /** ISO 8601 instant (UTC, e.g. "2025-01-01T00:00:00.000Z"). */
  start_date: string | null;
  end_date: string | null;
  catchup: boolean;
  max_active_runs: number;
  max_active_tasks: number;
  tags: string[];
  params: Record<string, unknown>;
  tasks: TaskSpec[];
}

export interface DagError {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** Field path like `tasks[1].depends_on[0]`; "(file)" for problems with the file as a whole. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; spec: DagSpec } | { ok: false; errors: DagError[] };

export interface RunContext {
  runId: string;
  logicalDate: Date;
  dataIntervalStart: Date;
  dataIntervalEnd: Date;
  conf: Record<string, unknown>;
}

export interface DataInterval {
  start: Date;
  end: Date;
}
