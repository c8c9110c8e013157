import { z } from "zod";

/** The scheduler's graphile-worker jobs and their payloads (validated on receipt). */
export const jobPayloadSchemas = {
  tick: z.object({}).passthrough(),
  evaluate_run: z.object({ runId: z.string().uuid() }),
  launch_task: z.object({ taskInstanceId: z.string().uuid(), tryNumber: z.number().int().positive() }),
  task_event: z.object({
    taskInstanceId: z.string().uuid(),
    tryNumber: z.number().int().positive(),
    outcome: z.enum(["success", "failed"]),
    exitCode: z.number().int().nullable(),
    reason: z.string().nullable(),
    /** When the process ended (ms since epoch), as seen by the executor. */
    endedAt: z.number(),
  }),
} as const;

export type JobName = keyof typeof jobPayloadSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloadSchemas)[N]>;
