import { z } from "zod";

const databaseUrl = z
  .string({ error: "DATABASE_URL is not set: point it at the Updraft Postgres (postgres://user:password@host:5432/updraft)." })
  .trim()
  .regex(/^postgres(ql)?:\/\/.+/, "DATABASE_URL must be a Postgres URL like postgres://user:password@host:5432/updraft.");

/** Where the shipped migrations are (the images set it); unset or blank: the repository's prisma/migrations. */
const migrationsDir = z
  .string()
  .optional()
  .transform((dir) => dir || undefined);

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((text) => ["true", "false", "1", "0", "yes", "no", ""].includes(text), 'UPDRAFT_SEED_DEMO must be "true" or "false".')
  .transform((text) => ["true", "1", "yes"].includes(text));

const migrateEnvSchema = z
  .object({
    DATABASE_URL: databaseUrl,
    UPDRAFT_ADMIN_EMAIL: z.string().trim().optional(),
    UPDRAFT_ADMIN_PASSWORD: z.string().optional(),
    UPDRAFT_SEED_DEMO: flag.default(false),
    UPDRAFT_MIGRATIONS_DIR: migrationsDir,
  })
  .superRefine((env, ctx) => {
    const email = env.UPDRAFT_ADMIN_EMAIL ?? "";
    const password = env.UPDRAFT_ADMIN_PASSWORD ?? "";
    if ((email === "") !== (password === "")) {
      ctx.addIssue({
        code: "custom",
        path: [email === "" ? "UPDRAFT_ADMIN_EMAIL" : "UPDRAFT_ADMIN_PASSWORD"],
        message: "set both UPDRAFT_ADMIN_EMAIL and UPDRAFT_ADMIN_PASSWORD to create the platform admin, or neither.",
      });
    }
    if (email !== "" && !z.email().safeParse(email.toLowerCase()).success) {
      ctx.addIssue({ code: "custom", path: ["UPDRAFT_ADMIN_EMAIL"], message: "UPDRAFT_ADMIN_EMAIL must be an e-mail address." });
    }
    if (password !== "" && password.length < 8) {
      ctx.addIssue({ code: "custom", path: ["UPDRAFT_ADMIN_PASSWORD"], message: "UPDRAFT_ADMIN_PASSWORD must be at least 8 characters." });
    }
    if (env.UPDRAFT_SEED_DEMO && email === "") {
      ctx.addIssue({ code: "custom", path: ["UPDRAFT_SEED_DEMO"], message: "UPDRAFT_SEED_DEMO=true needs UPDRAFT_ADMIN_EMAIL and UPDRAFT_ADMIN_PASSWORD (the demo tenant's owner)." });
    }
  });

const waitEnvSchema = z.object({
  DATABASE_URL: databaseUrl,
  UPDRAFT_MIGRATIONS_DIR: migrationsDir,
  UPDRAFT_WAIT_TIMEOUT_SECONDS: z.coerce
    .number({ error: "UPDRAFT_WAIT_TIMEOUT_SECONDS must be a number of seconds." })
    .positive("UPDRAFT_WAIT_TIMEOUT_SECONDS must be more than 0.")
    .max(86_400, "UPDRAFT_WAIT_TIMEOUT_SECONDS must be at most 86400.")
    .default(600),
});

export type MigrateEnv = z.infer<typeof migrateEnvSchema>;
export type WaitEnv = z.infer<typeof waitEnvSchema>;

type Parsed<T> = { ok: true; env: T } | { ok: false; message: string };

function parse<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): Parsed<T> {
  const result = schema.safeParse(env);
  if (result.success) return { ok: true, env: result.data };
  return { ok: false, message: result.error.issues.map((issue) => `  ${issue.message}`).join("\n") };
}

/** The settings of `updraft-ops migrate`, or every problem with them. */
export const readMigrateEnv = (env: NodeJS.ProcessEnv): Parsed<MigrateEnv> => parse(migrateEnvSchema, env);

/** The settings of `updraft-ops wait-for-migrations`, or every problem with them. */
export const readWaitEnv = (env: NodeJS.ProcessEnv): Parsed<WaitEnv> => parse(waitEnvSchema, env);
