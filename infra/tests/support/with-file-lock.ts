import { spawn } from "node:child_process";

/**
 * Runs `fn` while holding an flock(1) lock on `lockFile` (the lock every web
 * build on this machine takes: /tmp/updraft-web-build.lock), so no other
 * build rewrites apps/web/.next while it is read.
 */
export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>, timeoutMs = 900_000): Promise<T> {
  const holder = spawn("flock", ["-w", String(Math.ceil(timeoutMs / 1000)), lockFile, "sh", "-c", "echo locked; cat >/dev/null"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    holder.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("locked")) resolve();
    });
    holder.once("error", (error) => reject(new Error(`flock could not start: ${error.message}`)));
    holder.once("exit", (code) => reject(new Error(`could not lock ${lockFile} (flock exited ${code})`)));
  });
  try {
    return await fn();
  } finally {
    holder.stdin.end();
    await new Promise((resolve) => (holder.exitCode !== null ? resolve(undefined) : holder.once("exit", resolve)));
  }
}
