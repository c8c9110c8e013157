import { chmod, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/**
 * Postgres refuses to run as root, so when Updraft runs as root the cluster
 * runs as the `postgres` user, which must be able to walk down to the
 * cluster's parent directory. Adds the "others may enter" bit to that parent
 * (entering, not listing: files in it stay private) and checks the ancestors.
 */
export async function letPostgresUserIn(parentDir: string): Promise<void> {
  const target = resolve(parentDir);
  const mode = (await stat(target)).mode;
  if ((mode & 0o001) === 0) await chmod(target, (mode & 0o7777) | 0o001);

  for (let dir = dirname(target); ; dir = dirname(dir)) {
    const dirMode = (await stat(dir)).mode;
    if ((dirMode & 0o001) === 0) {
      throw new Error(
        `Updraft runs as root, so its embedded Postgres runs as the "postgres" user, which cannot enter ${dir} ` +
          `(mode ${(dirMode & 0o777).toString(8)}). Put the data directory somewhere that user can reach ` +
          `(e.g. /var/lib/updraft), or run \`chmod o+x ${dir}\`, or run Updraft as a non-root user.`,
      );
    }
    if (dirname(dir) === dir) break;
  }
}
