import { z } from "zod";
import type { DbOrTx } from "../client";
import type { User } from "../generated/prisma/client";
import { parseInput } from "../parse-input";
import { hashPassword } from "../passwords";
import { normalizeEmail } from "./normalize-email";

export const createUserInput = z.object({
  email: z
    .string()
    .transform(normalizeEmail)
    .pipe(z.email("must be an e-mail address like ada@example.com")),
  password: z
    .string()
    .min(8, "must be at least 8 characters")
    .max(1024, "must be at most 1024 characters")
    .optional(),
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  isPlatformAdmin: z.boolean().optional(),
});

export type CreateUserInput = z.input<typeof createUserInput>;

/**
 * Creates a user. The e-mail is stored trimmed and lower-cased; the password
 * (optional: users without one cannot sign in with a password) is stored as
 * an argon2id hash.
 */
export async function createUser(db: DbOrTx, input: CreateUserInput): Promise<User> {
  const data = parseInput(createUserInput, input, "user");
  return db.user.create({
    data: {
      email: data.email,
      name: data.name ?? null,
      passwordHash: data.password === undefined ? null : await hashPassword(data.password),
      isPlatformAdmin: data.isPlatformAdmin ?? false,
    },
  });
}
