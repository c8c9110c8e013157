import { createHash, randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const API_TOKEN_PATTERN = /^upd_[0-9A-Za-z]{40}$/;
/** How much of the token lists show ("upd_3kF9aZ1q"). */
export const API_TOKEN_PREFIX_LENGTH = 12;

/** `upd_` + 40 base62 characters from the system's CSPRNG (unbiased: bytes ≥ 248 are skipped). */
export function generateApiToken(): string {
  let body = "";
  while (body.length < 40) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && body.length < 40) body += BASE62[byte % 62];
    }
  }
  return `upd_${body}`;
}

/** What is stored instead of the token: its SHA-256 as hex. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
