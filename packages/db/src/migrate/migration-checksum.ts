import { createHash } from "node:crypto";

/** Prisma's checksum of a migration script: sha256 of the file, lower-case hex. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Whether `script` matches a checksum recorded in `_prisma_migrations`, with
 * Prisma's tolerance for line endings changed by git (LF <-> CRLF), so a
 * checkout on Windows does not look like an edited migration.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => migrationChecksum(variant) === checksum);
}
