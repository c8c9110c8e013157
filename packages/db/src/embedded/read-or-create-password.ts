import { randomBytes } from "node:crypto";
import { chmod, readFile, stat, writeFile } from "node:fs/promises";
import type { Logger } from "pino";

/**
 * The superuser password of the embedded cluster, kept in `passwordFile`
 * (mode 0600). Created on first use; a cluster that exists without its
 * password file cannot be opened, which the error explains.
 */
export async function readOrCreatePassword(
  passwordFile: string,
  options: { clusterExists: boolean; logger?: Logger },
): Promise<string> {
  try {
    const password = (await readFile(passwordFile, "utf8")).trim();
    if (password === "") throw new Error(`${passwordFile} is empty.`);
    const mode = (await stat(passwordFile)).mode & 0o777;
    if (mode !== 0o600) {
      options.logger?.warn({ passwordFile, mode: mode.toString(8) }, "tightening the Postgres password file to mode 600");
      await chmod(passwordFile, 0o600);
    }
    return password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (options.clusterExists) {
    throw new Error(
      `${passwordFile} is missing, but the embedded Postgres next to it was created with the password stored there. ` +
        "Restore the file, or delete the data directory to start from scratch (this deletes all Updraft data).",
    );
  }
  const password = randomBytes(24).toString("hex");
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600, flag: "wx" });
  await chmod(passwordFile, 0o600);
  return password;
}
