import { z } from "zod";

/** The scheduler's graphile-worker jobs and their payloads (validated on receipt). */
export const jobPayloadSchemas = {
  tick: z.object({}).passthrough(),
  /** Fails zombie tries, relaunches lost launches, re-evaluates stalled runs (one pending at a time: RECONCILE_JOB_KEY). */
  reconcile: z.object({}).passthrough(),
  evaluate_run: z.object({ runId: z.string().uuid() }),
  launch_task: z.object({
    taskInstanceId: z.string().uuid(),
    tryNumber: z.number().int().positive(),
    /** How often this try went back to the queue (quota, namespace not ready): the next back-off is 1 s × 2^waits, at most 30 s. */
    waits: z.number().int().min(0).optional(),
  }),
  task_event: z.object({
    taskInstanceId: z.string().uuid(),
    tryNumber: z.number().int().positive(),
    outcome: z.enum(["success", "failed"]),
    exitCode: z.number().int().nullable(),
    reason: z.string().nullable(),
    /** When the process ended (ms since epoch), as seen by the executor. */
    endedAt: z.number(),
  }),
  /** Thins an ended try's usage samples into its cost (idempotent); queued by task_event at a lower priority. */
  finalize_try_usage: z.object({
    taskInstanceId: z.string().uuid(),
    tryNumber: z.number().int().positive(),
  }),
  /** Makes a tenant's Kubernetes namespace match its row (quota, RBAC, policies); idempotent. */
  provision_tenant: z.object({ tenantId: z.string().uuid() }),
  /** Removes a deleted tenant's Kubernetes namespace. */
  deprovision_tenant: z.object({ slug: z.string().min(1) }),
} as const;

export type JobName = keyof typeof jobPayloadSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloadSchemas)[N]>;
