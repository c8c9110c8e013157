import { z } from "zod";

const schedulerEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at the Updraft Postgres (npm start sets it for you)." })
    .url("DATABASE_URL must be a URL like postgres://user:pass@host:5432/updraft"),
  UPDRAFT_EXECUTOR: z.enum(["local", "noop"], {
    error: 'UPDRAFT_EXECUTOR must be "local" (default) or "noop".',
  }).default("local"),
  UPDRAFT_SCHEDULER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
  UPDRAFT_TICK_SECONDS: z.coerce.number().positive().max(3600).default(5),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
});

export type SchedulerEnv = z.infer<typeof schedulerEnvSchema>;

/** Reads the scheduler's settings from the environment, explaining what is wrong. */
export function readSchedulerEnv(env: NodeJS.ProcessEnv = process.env): SchedulerEnv {
  const parsed = schedulerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid scheduler configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
