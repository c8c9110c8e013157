import { createHash, randomBytes } from "node:crypto";

/** AES-256 keys are 32 bytes. */
export const SECRET_KEY_BYTES = 32;

const HOW_TO_GENERATE = "Generate one with `openssl rand -base64 32`";

/** Thrown for a missing or malformed key; the message says which variable is wrong and how to fix it (never the key itself). */
export class SecretKeyError extends Error {
  override readonly name = "SecretKeyError";
}

/**
 * Parses a secret key: 32 random bytes written as base64 or base64url (43 or
 * 44 characters) or as 64 hex characters. Surrounding whitespace (a key file's
 * trailing newline) is ignored. `source` names the variable in the error.
 */
export function parseSecretKey(text: string, source = "UPDRAFT_SECRET_KEY"): Buffer {
  const value = text.trim();
  if (value === "") {
    throw new SecretKeyError(`${source} is empty. ${HOW_TO_GENERATE} and set ${source} to its output.`);
  }
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(value)) key = Buffer.from(value, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) key = Buffer.from(value, "base64");
  if (!key || key.length !== SECRET_KEY_BYTES) {
    throw new SecretKeyError(
      `${source} is not a valid secret key: expected 32 random bytes as base64 (44 characters, e.g. from \`openssl rand -base64 32\`), ` +
        `base64url (43 characters) or 64 hex characters, but it has ${value.length} characters. ${HOW_TO_GENERATE}.`,
    );
  }
  return key;
}

/** A key's id, stored in every ciphertext: the first 8 hex characters of sha256(key). */
export function secretKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** A new random key as base64 (what `openssl rand -base64 32` prints). */
export function generateSecretKey(): string {
  return randomBytes(SECRET_KEY_BYTES).toString("base64");
}
