import { renderTaskInvocation, type ResourceSpec, type Toleration } from "@updraft/dag";
import type { Db, Prisma } from "@updraft/db";
import { loadDagSpec } from "../dags/load-dag-spec";
import { effectiveTaskRequest } from "../decisions/task-request";
import type { TenantQuota } from "@updraft/domain/tenant-quota";
import { quotaLimitsOf, tenantQuotaOf } from "../tenants/tenant-quota";

/** Everything an executor needs to run one try of one task. */
export interface TaskLaunch {
  /** The executor's deterministic, DNS-label-safe key for this try. */
  key: string;
  taskInstanceId: string;
  tryNumber: number;
  tenantSlug: string;
  dagId: string;
  runId: string;
  taskId: string;
  image: string | null;
  command: string[];
  args: string[];
  env: Record<string, string>;
  executionTimeoutSeconds: number | null;
  resources: ResourceSpec;
  /** Kubernetes placement (the task's node_selector and tolerations); the local executor ignores them. */
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  /** Connection ids, injected as UPDRAFT_CONN_<ID> and AIRFLOW_CONN_<ID>. */
  connectionIds: string[];
  /** Secret names, injected as <NAME> (upper-case). */
  secretNames: string[];
  /** When the try became ready to launch (admission queued it): the start of its scheduling latency. */
  queuedAt?: Date;
  /**
   * Executors without Kubernetes Secrets (local): the decrypted values of
   * `connectionIds` and `secretNames` as environment variables, resolved by
   * the scheduler's launch job. Never stored (not part of rendered_env) and
   * never logged; startTaskTry does not set it.
   */
  secretEnv?: Record<string, string>;
  /**
   * The try's tenant as the claim read it (startTaskTry sets it): its id and
   * quota, from which the executor's per-pod limits follow, so a launch does
   * not look the tenant up again. A launch rebuilt from a running pod has none.
   */
  tenant?: LaunchTenant;
}

export interface LaunchTenant {
  id: string;
  quota: TenantQuota;
}

/** A launch as the claim returns it: with its tenant. */
export type ClaimedTaskLaunch = TaskLaunch & { tenant: LaunchTenant };

export interface StartTaskTryInput {
  taskInstanceId: string;
  tryNumber: number;
  executorKey: string;
  /** The scheduler replica claiming the try (uuid); its executor runs it. */
  schedulerId: string;
  hostname: string;
}

interface TryRow {
  id: string;
  taskId: string;
  state: string;
  tryNumber: number;
  schedulerId: string | null;
  queuedAt: Date | null;
  tenantId: string;
  tenantSlug: string;
  dagId: string;
  runId: string;
  logicalDate: Date;
  dataIntervalStart: Date;
  dataIntervalEnd: Date;
  conf: Prisma.JsonValue;
  dagVersionId: string;
  requestCpuMillis: number | null;
  requestMemoryBytes: bigint | null;
  requestGpus: number;
  quotaCpu: string;
  quotaMemory: string;
  quotaGpus: number;
  quotaPods: number;
  maxConcurrentTasks: number;
}

/**
 * The `launch_task` job's database half: claims a QUEUED try for one
 * scheduler replica (RUNNING, with its executor key, scheduler id, host and
 * the rendered command and env stored on the try, plus its effective request
 * snapshot — the task instance's request columns with the default request and
 * the quota clamp, as admission counts it; the task's waiting message
 * cleared) and renders its launch.
 * A try already RUNNING under the same replica is returned again, so a
 * repeated launch lets the executor adopt its process; under another replica,
 * or when the try is not (or no longer) to be launched, returns null: a try
 * is never claimed twice (the claim is one guarded UPDATE).
 */
export async function startTaskTry(db: Db, input: StartTaskTryInput, now: Date = new Date()): Promise<ClaimedTaskLaunch | null> {
  const ti = await readTry(db, input.taskInstanceId);
  if (!ti || ti.tryNumber !== input.tryNumber) return null;
  const adopting = ti.state === "RUNNING" && ti.schedulerId === input.schedulerId;
  if (ti.state !== "QUEUED" && !adopting) return null;

  const spec = await loadDagSpec(db, ti.dagVersionId);
  const task = spec.tasks.find((t) => t.task_id === ti.taskId);
  if (!task) return null;
  const invocation = renderTaskInvocation(
    spec,
    task,
    {
      runId: ti.runId,
      logicalDate: ti.logicalDate,
      dataIntervalStart: ti.dataIntervalStart,
      dataIntervalEnd: ti.dataIntervalEnd,
      conf: (ti.conf ?? {}) as Record<string, unknown>,
    },
    ti.tryNumber,
  );
  const quota = tenantQuotaOf(ti);
  const launch: ClaimedTaskLaunch = {
    key: input.executorKey,
    taskInstanceId: ti.id,
    tryNumber: ti.tryNumber,
    tenantSlug: ti.tenantSlug,
    dagId: ti.dagId,
    runId: ti.runId,
    taskId: ti.taskId,
    image: task.image,
    ...invocation,
    executionTimeoutSeconds: task.execution_timeout,
    resources: task.resources,
    nodeSelector: task.node_selector,
    tolerations: task.tolerations,
    connectionIds: task.connections,
    secretNames: task.secrets,
    // The try's queued_at is this same value (COALESCE(queued_at, now) below).
    queuedAt: ti.queuedAt ?? now,
    tenant: { id: ti.tenantId, quota },
  };
  if (adopting) return launch;

  const argv = JSON.stringify([...invocation.command, ...invocation.args]);
  const env = JSON.stringify(invocation.env);
  const request = effectiveTaskRequest(
    {
      cpuMillis: ti.requestCpuMillis,
      memoryBytes: ti.requestMemoryBytes === null ? null : Number(ti.requestMemoryBytes),
      gpus: ti.requestGpus,
    },
    quotaLimitsOf(quota),
  );
  const claimed = await db.$queryRaw<{ id: string }[]>`
    WITH claimed AS (
      UPDATE task_instances
         SET state = 'RUNNING', started_at = ${now}::timestamptz, executor_key = ${input.executorKey},
             scheduler_id = ${input.schedulerId}::uuid, message = NULL, updated_at = ${now}::timestamptz
       WHERE id = ${ti.id}::uuid AND try_number = ${ti.tryNumber}::int AND state = 'QUEUED'
      RETURNING id, queued_at
    )
    INSERT INTO task_tries (id, task_instance_id, try_number, state, queued_at, started_at, executor_key,
                            scheduler_id, hostname, rendered_command, rendered_env,
                            request_cpu_millis, request_memory_bytes, request_gpus)
    SELECT gen_random_uuid(), c.id, ${ti.tryNumber}::int, 'RUNNING'::"TaskState", COALESCE(c.queued_at, ${now}::timestamptz),
           ${now}::timestamptz, ${input.executorKey}, ${input.schedulerId}::uuid, ${input.hostname}, ${argv}::jsonb, ${env}::jsonb,
           ${request.cpuMillis}::int, ${request.memoryBytes}::bigint, ${request.gpus}::int
      FROM claimed c
    ON CONFLICT (task_instance_id, try_number) DO UPDATE
       SET state = 'RUNNING', started_at = EXCLUDED.started_at, executor_key = EXCLUDED.executor_key,
           scheduler_id = EXCLUDED.scheduler_id, hostname = EXCLUDED.hostname,
           rendered_command = EXCLUDED.rendered_command, rendered_env = EXCLUDED.rendered_env,
           request_cpu_millis = EXCLUDED.request_cpu_millis, request_memory_bytes = EXCLUDED.request_memory_bytes,
           request_gpus = EXCLUDED.request_gpus
    RETURNING task_instance_id AS id`;
  if (claimed.length > 0) return launch;
  // Someone else claimed it between the read and the claim: adopt only our own.
  const after = await readTry(db, input.taskInstanceId);
  const ours = after?.state === "RUNNING" && after.tryNumber === input.tryNumber && after.schedulerId === input.schedulerId;
  return ours ? launch : null;
}

async function readTry(db: Db, taskInstanceId: string): Promise<TryRow | undefined> {
  const [row] = await db.$queryRaw<TryRow[]>`
    SELECT ti.id, ti.task_id AS "taskId", ti.state::text AS state, ti.try_number AS "tryNumber",
           ti.scheduler_id::text AS "schedulerId", ti.queued_at AS "queuedAt", t.id::text AS "tenantId", t.slug AS "tenantSlug", d.dag_id AS "dagId",
           r.run_id AS "runId", r.logical_date AS "logicalDate", r.data_interval_start AS "dataIntervalStart",
           r.data_interval_end AS "dataIntervalEnd", r.conf, r.dag_version_id AS "dagVersionId",
           ti.request_cpu_millis AS "requestCpuMillis", ti.request_memory_bytes AS "requestMemoryBytes",
           ti.request_gpus AS "requestGpus", t.quota_cpu AS "quotaCpu", t.quota_memory AS "quotaMemory",
           t.quota_gpus AS "quotaGpus", t.quota_pods AS "quotaPods", t.max_concurrent_tasks AS "maxConcurrentTasks"
      FROM task_instances ti
      JOIN dag_runs r ON r.id = ti.dag_run_id
      JOIN dags d ON d.id = r.dag_db_id
      JOIN tenants t ON t.id = ti.tenant_id
     WHERE ti.id = ${taskInstanceId}::uuid`;
  return row;
}
