import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";

/** argon2id with OWASP's minimum recommended parameters (19 MiB, 2 passes, 1 lane). */
const ARGON2ID_OPTIONS: Options = {
  algorithm: 2 as Algorithm, // Algorithm.Argon2id (a const enum, which isolatedModules cannot read)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password into a self-describing PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export async function hashPassword(password: string): Promise<string> {
  if (password.length === 0) throw new Error("Password must not be empty.");
  return hash(password, ARGON2ID_OPTIONS);
}

/**
 * Whether `password` matches `passwordHash` (from hashPassword). Throws only
 * when the stored hash itself is not an argon2 hash, which is a data problem,
 * not a wrong password.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith("$argon2")) {
    throw new Error("The stored password hash is not an argon2 hash; reset the user's password.");
  }
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    throw new Error(`The stored password hash cannot be read (${(error as Error).message}); reset the user's password.`);
  }
}
