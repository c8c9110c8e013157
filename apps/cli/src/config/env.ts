// The CLI's one reader of the environment (the lint rule bans process.env elsewhere): the settings `updraft`
// reads by name, parsed here, and the environment its commands and child processes get as a whole.
import { z } from "zod";

const cliEnvSchema = z.object({
  /** The level of `updraft start`'s own log lines (on stderr). */
  LOG_LEVEL: z.string().default("warn"),
  /** Where the user typed the command: npm runs workspace scripts inside the workspace folder and sets INIT_CWD. */
  INIT_CWD: z.string().optional(),
  /** Where the migrations are; unset or blank: the repository's prisma/migrations (what `updraft start` runs from). */
  UPDRAFT_MIGRATIONS_DIR: z
    .string()
    .optional()
    .transform((dir) => dir || undefined),
});

export type CliEnv = z.infer<typeof cliEnvSchema>;

/** The settings `updraft` itself reads. */
export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return cliEnvSchema.parse(env);
}

/**
 * The environment as a whole, for the commands that parse their own variables with zod (deploy,
 * rotate-secret-key, start: they take it as a parameter so tests can pass a record) and for the child
 * processes `updraft start` runs, which inherit it.
 */
export function commandEnv(): NodeJS.ProcessEnv {
  return process.env;
}
