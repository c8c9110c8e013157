// The scheduler's one reader of the environment (the lint rule bans process.env elsewhere): the scheduler's
// settings, parsed and explained here, and the environment the updraft-ops commands parse for themselves.
import { readSecretKeyring, type SecretKeyring } from "@updraft/platform";
import { z } from "zod";
import { parseCidrList } from "./parse-cidr-list";

const milliseconds = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number of milliseconds.` })
    .int(`${name} must be a whole number of milliseconds.`)
    .min(min, `${name} must be at least ${min} ms.`)
    .max(max, `${name} must be at most ${max} ms.`);

const booleanFlag = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((text) => TRUE_WORDS.has(text) || FALSE_WORDS.has(text), `${name} must be "true" or "false" (also 1/0, yes/no).`)
    .transform((text) => TRUE_WORDS.has(text));
const TRUE_WORDS = new Set(["true", "1", "yes", "on"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off", ""]);

const schedulerEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at the Updraft Postgres (npm start sets it for you)." })
    .url("DATABASE_URL must be a URL like postgres://user:pass@host:5432/updraft"),
  UPDRAFT_EXECUTOR: z.enum(["local", "noop", "kubernetes"], {
    error: 'UPDRAFT_EXECUTOR must be "local" (default), "kubernetes" or "noop".',
  }).default("local"),
  UPDRAFT_SCHEDULER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
  UPDRAFT_TICK_SECONDS: z.coerce.number().positive().max(3600).default(5),
  /** Idle workers look for future-dated jobs this often; new jobs arrive by NOTIFY. */
  UPDRAFT_POLL_INTERVAL_MS: milliseconds("UPDRAFT_POLL_INTERVAL_MS", 10, 600_000).default(2000),
  /** This replica's id (uuid); a random one when unset. */
  UPDRAFT_SCHEDULER_ID: z.string().uuid("UPDRAFT_SCHEDULER_ID must be a UUID, or unset for a random one.").optional(),
  UPDRAFT_HEARTBEAT_MS: milliseconds("UPDRAFT_HEARTBEAT_MS", 10, 600_000).default(5000),
  UPDRAFT_RECONCILE_MS: milliseconds("UPDRAFT_RECONCILE_MS", 10, 3_600_000).default(30_000),
  /** How often each replica samples the cpu and memory of the tries it runs (usage samples for cost). */
  UPDRAFT_METER_INTERVAL_MS: milliseconds("UPDRAFT_METER_INTERVAL_MS", 100, 3_600_000).default(15_000),
  UPDRAFT_ZOMBIE_AFTER_MS: milliseconds("UPDRAFT_ZOMBIE_AFTER_MS", 100, 86_400_000).default(60_000),
  /** How long every task "runs" with the noop executor. */
  UPDRAFT_NOOP_DURATION_MS: milliseconds("UPDRAFT_NOOP_DURATION_MS", 0, 86_400_000).default(0),
  /** Kubernetes executor: pod creations per second, sustained. */
  UPDRAFT_KUBE_CREATE_QPS: z.coerce
    .number({ error: "UPDRAFT_KUBE_CREATE_QPS must be a number of pod creations per second, e.g. 10." })
    .positive("UPDRAFT_KUBE_CREATE_QPS must be more than 0 pod creations per second.")
    .max(10_000, "UPDRAFT_KUBE_CREATE_QPS must be at most 10000 pod creations per second.")
    .default(10),
  /** Kubernetes executor: pod creations allowed at once before the rate applies. */
  UPDRAFT_KUBE_CREATE_BURST: z.coerce
    .number({ error: "UPDRAFT_KUBE_CREATE_BURST must be a whole number of pod creations, e.g. 20." })
    .int("UPDRAFT_KUBE_CREATE_BURST must be a whole number of pod creations, e.g. 20.")
    .min(1, "UPDRAFT_KUBE_CREATE_BURST must be at least 1.")
    .max(10_000, "UPDRAFT_KUBE_CREATE_BURST must be at most 10000.")
    .default(20),
  /** Kubernetes executor: keep failed pods for `kubectl describe`/`logs` (succeeded ones are always deleted). */
  UPDRAFT_KUBE_KEEP_FAILED_PODS: booleanFlag("UPDRAFT_KUBE_KEEP_FAILED_PODS").default(false),
  /** Kubernetes executor: a pod no node can take for this long is deleted and its try fails. */
  UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS: milliseconds("UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS", 1000, 86_400_000).default(300_000),
  /** The cluster's own address ranges (pod, service, node CIDRs), comma-separated: task pods may not reach them. */
  UPDRAFT_CLUSTER_CIDRS: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const parsed = parseCidrList(text);
      for (const problem of parsed.problems) ctx.addIssue({ code: "custom", message: `UPDRAFT_CLUSTER_CIDRS entry ${problem}.` });
      return parsed.cidrs;
    }),
  /** How often every tenant's Kubernetes objects are re-provisioned (repairs drift, e.g. a policy deleted by hand). */
  UPDRAFT_PROVISION_INTERVAL_MS: milliseconds("UPDRAFT_PROVISION_INTERVAL_MS", 1000, 86_400_000).default(300_000),
  /**
   * Test and benchmark instrumentation: append one line per executor launch
   * and per job run to this file (O_APPEND, one write per line, so it
   * survives a SIGKILL). Unset: nothing is written.
   */
  UPDRAFT_LAUNCH_LOG: z.string().min(1).optional(),
  /**
   * Local executor: where each try's supervisor keeps the task's output and
   * exit status; this replica uses `<dir>/<scheduler id>`. A restart with the
   * same UPDRAFT_SCHEDULER_ID adopts the tasks left running there. Default:
   * `$UPDRAFT_DATA_DIR/local-tasks` (set by `npm start`), else
   * `<system temp dir>/updraft-local`.
   */
  UPDRAFT_LOCAL_STATE_DIR: z.string().min(1).optional(),
  /** Where the shipped migrations are (the images set it); unset or blank: the repository's prisma/migrations. */
  UPDRAFT_MIGRATIONS_DIR: z
    .string()
    .optional()
    .transform((dir) => dir || undefined),
  /** The data directory `npm start` keeps its state in (the default parent of UPDRAFT_LOCAL_STATE_DIR). */
  UPDRAFT_DATA_DIR: z.string().min(1).optional(),
  /** The port of /healthz, /readyz and /metrics; 0 picks a free one (logged). */
  UPDRAFT_METRICS_PORT: z.coerce
    .number({ error: "UPDRAFT_METRICS_PORT must be a port number, e.g. 9465 (0 picks a free port)." })
    .int("UPDRAFT_METRICS_PORT must be a whole port number, e.g. 9465.")
    .min(0, "UPDRAFT_METRICS_PORT must be between 0 and 65535.")
    .max(65_535, "UPDRAFT_METRICS_PORT must be between 0 and 65535.")
    .default(9465),
  /** The level of the scheduler's JSON log lines (graphile-worker's included). */
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], {
        error: "LOG_LEVEL must be one of trace, debug, info, warn, error, fatal (or silent).",
      }),
    )
    .default("info"),
}).refine((env) => env.UPDRAFT_ZOMBIE_AFTER_MS > env.UPDRAFT_HEARTBEAT_MS * 2, {
  path: ["UPDRAFT_ZOMBIE_AFTER_MS"],
  message: "UPDRAFT_ZOMBIE_AFTER_MS must be more than twice UPDRAFT_HEARTBEAT_MS, or live schedulers would be taken for dead ones.",
});

export type SchedulerEnv = z.infer<typeof schedulerEnvSchema> & {
  /** From UPDRAFT_SECRET_KEY and UPDRAFT_PREVIOUS_SECRET_KEYS: decrypts tenant secrets and connection passwords. */
  keyring: SecretKeyring;
};

/**
 * Reads the scheduler's settings from the environment, explaining what is
 * wrong. A missing or malformed UPDRAFT_SECRET_KEY is one of the problems:
 * the scheduler cannot inject or mask secrets without it.
 */
export function readSchedulerEnv(env: NodeJS.ProcessEnv = process.env): SchedulerEnv {
  const parsed = schedulerEnvSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  let keyring: SecretKeyring | undefined;
  try {
    keyring = readSecretKeyring(env);
  } catch (err) {
    problems.push(`  ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!parsed.success || !keyring) {
    throw new Error(`Invalid scheduler configuration:\n${problems.join("\n")}`);
  }
  return { ...parsed.data, keyring };
}

/**
 * The environment for `updraft-ops`: each command parses the variables it needs with its own zod schema
 * (ops/read-ops-env.ts), taking them as a parameter so its tests can pass a record.
 */
export function opsCommandEnv(): NodeJS.ProcessEnv {
  return process.env;
}
