import { SecretKeyError } from "./secret-key";
import { createSecretKeyring, type SecretKeyring } from "./secret-keyring";

/**
 * The keyring from `UPDRAFT_SECRET_KEY` (current) and `UPDRAFT_PREVIOUS_SECRET_KEYS`
 * (comma-separated older keys, still accepted for decryption). Throws a
 * SecretKeyError saying what is wrong and how to fix it when the key is
 * missing or malformed; the processes refuse to start with it.
 */
export function readSecretKeyring(env: Record<string, string | undefined>): SecretKeyring {
  const current = env.UPDRAFT_SECRET_KEY;
  if (current === undefined || current.trim() === "") {
    throw new SecretKeyError(
      "UPDRAFT_SECRET_KEY is not set. It encrypts connection passwords and secrets at rest. " +
        "Generate one with `openssl rand -base64 32`, set UPDRAFT_SECRET_KEY to it, and keep it safe: without it the stored secrets cannot be read.",
    );
  }
  const previous = (env.UPDRAFT_PREVIOUS_SECRET_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  return createSecretKeyring(current, previous);
}
