import { z } from "zod";

const milliseconds = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number of milliseconds.` })
    .int(`${name} must be a whole number of milliseconds.`)
    .min(min, `${name} must be at least ${min} ms.`)
    .max(max, `${name} must be at most ${max} ms.`);

const schedulerEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at the Updraft Postgres (npm start sets it for you)." })
    .url("DATABASE_URL must be a URL like postgres://user:pass@host:5432/updraft"),
  UPDRAFT_EXECUTOR: z.enum(["local", "noop"], {
    error: 'UPDRAFT_EXECUTOR must be "local" (default) or "noop".',
  }).default("local"),
  UPDRAFT_SCHEDULER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
  UPDRAFT_TICK_SECONDS: z.coerce.number().positive().max(3600).default(5),
  /** Idle workers look for future-dated jobs this often; new jobs arrive by NOTIFY. */
  UPDRAFT_POLL_INTERVAL_MS: milliseconds("UPDRAFT_POLL_INTERVAL_MS", 10, 600_000).default(2000),
  /** This replica's id (uuid); a random one when unset. */
  UPDRAFT_SCHEDULER_ID: z.string().uuid("UPDRAFT_SCHEDULER_ID must be a UUID, or unset for a random one.").optional(),
  UPDRAFT_HEARTBEAT_MS: milliseconds("UPDRAFT_HEARTBEAT_MS", 10, 600_000).default(5000),
  UPDRAFT_RECONCILE_MS: milliseconds("UPDRAFT_RECONCILE_MS", 10, 3_600_000).default(30_000),
  UPDRAFT_ZOMBIE_AFTER_MS: milliseconds("UPDRAFT_ZOMBIE_AFTER_MS", 100, 86_400_000).default(60_000),
  /** How long every task "runs" with the noop executor. */
  UPDRAFT_NOOP_DURATION_MS: milliseconds("UPDRAFT_NOOP_DURATION_MS", 0, 86_400_000).default(0),
  /**
   * Test and benchmark instrumentation: append one line per executor launch
   * and per job run to this file (O_APPEND, one write per line, so it
   * survives a SIGKILL). Unset: nothing is written.
   */
  UPDRAFT_LAUNCH_LOG: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
}).refine((env) => env.UPDRAFT_ZOMBIE_AFTER_MS > env.UPDRAFT_HEARTBEAT_MS * 2, {
  path: ["UPDRAFT_ZOMBIE_AFTER_MS"],
  message: "UPDRAFT_ZOMBIE_AFTER_MS must be more than twice UPDRAFT_HEARTBEAT_MS, or live schedulers would be taken for dead ones.",
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
