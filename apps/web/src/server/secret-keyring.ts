import { readSecretKeyring, type SecretKeyring } from "@updraft/api";
import { webAppEnv } from "../config/env";

let cached: SecretKeyring | undefined;

/**
 * The keyring from UPDRAFT_SECRET_KEY (and UPDRAFT_PREVIOUS_SECRET_KEYS),
 * read once per server process: route handlers pass it to the API, which
 * encrypts and decrypts tenant secrets and connection passwords with it.
 * Throws a readable error when the key is missing or malformed (the server
 * refuses to start on that already, see instrumentation.ts).
 */
export function getSecretKeyring(): SecretKeyring {
  cached ??= readSecretKeyring(webAppEnv());
  return cached;
}
