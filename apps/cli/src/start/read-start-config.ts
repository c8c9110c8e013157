import { isAbsolute, join, resolve } from "node:path";
import { z } from "zod";

export type ExecutorName = "local" | "kubernetes" | "noop";

export interface StartConfig {
  /** null = start the embedded Postgres. */
  databaseUrl: string | null;
  port: number;
  /** Absolute. */
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  executor: ExecutorName;
  /** null = generate one into the data directory. */
  nextAuthSecret: string | null;
  nextAuthUrl: string;
}

/** Unset and empty mean the same (an empty line in a .env file must not count as a value). */
const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

const envSchema = z.object({
  DATABASE_URL: optionalText.refine((value) => value === undefined || /^postgres(ql)?:\/\/.+/.test(value), {
    message: "must be a Postgres URL like postgres://user:password@host:5432/updraft (or unset it to use the embedded Postgres)",
  }),
  PORT: z.preprocess(
    (value) => (value === undefined || value === "" ? "3000" : value),
    z
      .string()
      .regex(/^\d+$/, { message: "must be a port number between 1 and 65535" })
      .transform(Number)
      .refine((port) => port >= 1 && port <= 65535, { message: "must be a port number between 1 and 65535" }),
  ),
  UPDRAFT_DATA_DIR: optionalText,
  UPDRAFT_ADMIN_EMAIL: optionalText.refine((value) => value === undefined || z.email().safeParse(value).success, {
    message: "must be an e-mail address like admin@example.com",
  }),
  UPDRAFT_ADMIN_PASSWORD: optionalText.refine((value) => value === undefined || value.length >= 8, {
    message: "must be at least 8 characters long",
  }),
  UPDRAFT_EXECUTOR: z.preprocess(
    (value) => (value === undefined || value === "" ? "local" : value),
    z.enum(["local", "kubernetes", "noop"], { message: 'must be "local", "kubernetes" or "noop"' }),
  ),
  NEXTAUTH_SECRET: optionalText.refine((value) => value === undefined || value.length >= 16, {
    message: "must be at least 16 characters long (or unset it and Updraft generates one)",
  }),
  NEXTAUTH_URL: optionalText.refine((value) => value === undefined || /^https?:\/\/[^/\s]+/.test(value), {
    message: "must be the web app's public URL, like https://updraft.example.com",
  }),
});

export type ReadStartConfigResult = { ok: true; config: StartConfig } | { ok: false; message: string };

/**
 * Reads `updraft start`'s settings from the environment. Relative
 * UPDRAFT_DATA_DIR paths are resolved against `cwd`.
 */
export function readStartConfig(
  env: NodeJS.ProcessEnv,
  paths: { repoRoot: string; cwd: string },
): ReadStartConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = env[name];
      const shown = value === undefined || /SECRET|PASSWORD/.test(name) ? "" : ` (got ${JSON.stringify(value)})`;
      return `  ${name} ${issue.message}${shown}`;
    });
    return {
      ok: false,
      message: `updraft start: invalid environment:\n${lines.join("\n")}\nFix or unset these variables and run it again.`,
    };
  }
  const e = parsed.data;
  const dataDir = e.UPDRAFT_DATA_DIR ?? join(paths.repoRoot, ".updraft");
  return {
    ok: true,
    config: {
      databaseUrl: e.DATABASE_URL ?? null,
      port: e.PORT,
      dataDir: isAbsolute(dataDir) ? dataDir : resolve(paths.cwd, dataDir),
      adminEmail: e.UPDRAFT_ADMIN_EMAIL,
      adminPassword: e.UPDRAFT_ADMIN_PASSWORD,
      executor: e.UPDRAFT_EXECUTOR,
      nextAuthSecret: e.NEXTAUTH_SECRET ?? null,
      nextAuthUrl: e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`,
    },
  };
}
