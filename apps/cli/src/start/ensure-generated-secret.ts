import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Returns the value stored in `file`, generating it the first time (by
 * default a secret of 32 random bytes, base64url; file mode 0600), so it
 * survives restarts: sessions stay valid, the scheduler keeps its id.
 */
export function ensureGeneratedSecret(
  file: string,
  generate: () => string = () => randomBytes(32).toString("base64url"),
): { secret: string; created: boolean } {
  try {
    const secret = readFileSync(file, "utf8").trim();
    if (secret) {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return { secret, created: false };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = generate();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, created: true };
}
