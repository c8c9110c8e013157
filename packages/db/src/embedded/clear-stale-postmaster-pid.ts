import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { isProcessAlive, readProcessCommandLine } from "./process-info";

/**
 * A Postgres killed without a clean shutdown leaves `postmaster.pid` behind.
 * Postgres refuses to start while the pid in it belongs to a live process,
 * which after a reboot or in a container is often an unrelated process that
 * got the same pid. Remove the file unless a Postgres really runs on the
 * data directory; in that case say so.
 */
export async function clearStalePostmasterPid(clusterDir: string, logger?: Logger): Promise<void> {
  const pidFile = join(clusterDir, "postmaster.pid");
  let content: string;
  try {
    content = await readFile(pidFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const commandLine = readProcessCommandLine(pid);
    // The postmaster's command line is `postgres -D <clusterDir> …`.
    if (commandLine === null || (/postgres/.test(commandLine) && commandLine.includes(clusterDir))) {
      throw new Error(
        `A Postgres server (pid ${pid}) is already running on the data directory ${clusterDir}, ` +
          "probably from another Updraft that is still running or was killed without stopping it. " +
          `Stop that Updraft, or stop the server with \`kill -INT ${pid}\`, and start again.`,
      );
    }
  }
  logger?.warn({ pidFile, pid }, "removing stale postmaster.pid left by a Postgres that did not shut down cleanly");
  await rm(pidFile, { force: true });
}
