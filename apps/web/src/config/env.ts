// The web app's one reader of the environment (the lint rule bans process.env elsewhere): the settings of
// the production server (server/start-web-server.ts) and those the Next app reads, each parsed with zod here.
import { availableParallelism } from "node:os";
import { z } from "zod";

/** An unset or blank variable takes its default (z.coerce would turn "" into 0). */
const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const port = (name: string, fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: `${name} must be a port number (0 picks a free one).` })
      .int(`${name} must be a whole port number.`)
      .min(0, `${name} must be between 0 and 65535.`)
      .max(65_535, `${name} must be between 0 and 65535.`)
      .default(fallback),
  );

const milliseconds = (name: string, fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: `${name} must be a number of milliseconds.` })
      .int(`${name} must be a whole number of milliseconds.`)
      .min(0, `${name} must be at least 0 ms.`)
      .max(3_600_000, `${name} must be at most 3600000 ms (one hour).`)
      .default(fallback),
  );

const webServerEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at the Updraft Postgres (npm start sets it for you)." })
    .url("DATABASE_URL must be a URL like postgres://user:pass@host:5432/updraft"),
  /** The app's port: pages, API, /healthz and /readyz. */
  PORT: port("PORT", 3000),
  /** The interface to listen on; unset, or only the machine's own name (see listenHostname), listens on all of them. */
  HOSTNAME: z.preprocess(blankAsUnset, z.string().trim().optional()),
  /** A separate listener for /metrics, so an Ingress that exposes PORT never exposes the metrics. */
  UPDRAFT_METRICS_PORT: port("UPDRAFT_METRICS_PORT", 9464),
  /** After SIGTERM, give up on in-flight requests after this long (counted from the signal) and exit 1. */
  UPDRAFT_SHUTDOWN_TIMEOUT_MS: milliseconds("UPDRAFT_SHUTDOWN_TIMEOUT_MS", 25_000),
  /** After SIGTERM, /readyz answers 503 this long before the listener closes, so load balancers stop sending first. */
  UPDRAFT_DRAIN_DELAY_MS: milliseconds("UPDRAFT_DRAIN_DELAY_MS", 0),
  /**
   * How long an idle keep-alive connection stays open (the name standalone
   * server.js reads). Longer than the idle timeout of the load balancer in
   * front (ingress-nginx: 60 s), or it may reuse a connection just closed here and answer 502.
   */
  KEEP_ALIVE_TIMEOUT: milliseconds("KEEP_ALIVE_TIMEOUT", 65_000),
  /**
   * How many worker processes serve the app port (node:cluster), each with its own Next; `auto`: one per CPU
   * (os.availableParallelism()). 1 runs no cluster at all.
   */
  UPDRAFT_WEB_WORKERS: z.preprocess(
    (value) => {
      const v = blankAsUnset(value);
      return typeof v === "string" && v.trim().toLowerCase() === "auto" ? availableParallelism() : v;
    },
    z.coerce
      .number({ error: "UPDRAFT_WEB_WORKERS must be a whole number of processes (at least 1) or auto." })
      .int("UPDRAFT_WEB_WORKERS must be a whole number of processes (at least 1) or auto.")
      .min(1, "UPDRAFT_WEB_WORKERS must be at least 1.")
      .max(64, "UPDRAFT_WEB_WORKERS must be at most 64.")
      .default(1),
  ),
  /** The web app's folder (the one holding `.next`); unset: found from the server module's place (find-web-dir.ts). */
  UPDRAFT_WEB_DIR: z.string().optional(),
  /** Where the shipped migrations are (the images set it); unset: found next to the app. */
  UPDRAFT_MIGRATIONS_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  LOG_LEVEL: z.preprocess(
    blankAsUnset,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent.",
      })
      .default("info"),
  ),
});

export type WebServerEnv = z.infer<typeof webServerEnvSchema>;

/** Reads the web server's settings from the environment; throws one message naming every problem. */
export function readWebServerEnv(env: Record<string, string | undefined>): WebServerEnv {
  const parsed = webServerEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid web server configuration:\n${problems.join("\n")}`);
}

/** The production server's settings (server/start-web-server.ts). */
export function webServerEnv(): WebServerEnv {
  return readWebServerEnv(process.env);
}

const setting = z.string().optional();

/**
 * Every variable the Next app reads. Each group is checked, with its own messages, where it is used: the
 * secret keys by readSecretKeyring, the OAuth/OIDC providers by oauthProviderSettings, SMTP by mailerFromEnv.
 */
const webAppEnvSchema = z.object({
  /** The Updraft Postgres (server/get-db.ts). */
  DATABASE_URL: setting,
  /** The app's public URL (next-auth's name): secure cookies, the cross-site check, links in e-mails, the OpenAPI server. */
  NEXTAUTH_URL: setting,
  UPDRAFT_SECRET_KEY: setting,
  UPDRAFT_PREVIOUS_SECRET_KEYS: setting,
  GITHUB_ID: setting,
  GITHUB_SECRET: setting,
  GOOGLE_CLIENT_ID: setting,
  GOOGLE_CLIENT_SECRET: setting,
  OIDC_ISSUER: setting,
  OIDC_CLIENT_ID: setting,
  OIDC_CLIENT_SECRET: setting,
  OIDC_NAME: setting,
  SMTP_URL: setting,
  SMTP_FROM: setting,
});

export type WebAppEnv = z.infer<typeof webAppEnvSchema>;

/** The Next app's settings, read at each call (cheap; tests change the environment between calls). */
export function webAppEnv(): WebAppEnv {
  return webAppEnvSchema.parse(process.env);
}
