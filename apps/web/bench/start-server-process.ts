import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** What was started, for the report. */
  command: string;
  stop(): Promise<void>;
}

/**
 * Starts the production web server: the bundle the image and `npm start` run
 * (`node dist/server.mjs`) or, for comparison, its TypeScript source
 * (`node --import tsx server/start-web-server.ts`), else `next start`;
 * output goes to `logFile`. Resolves once
 * /api/health answers 200.
 */
export async function startServerProcess(input: {
  webDir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /**
   * `bundle`: dist/server.mjs, the esbuild bundle the Docker image and `npm start` run (when it exists);
   * `source`: server/start-web-server.ts through tsx.
   */
  server: "bundle" | "source";
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}): Promise<ServerProcess> {
  const require = createRequire(join(input.webDir, "package.json"));
  const customServer = join(input.webDir, "server", "start-web-server.ts");
  const bundle = join(input.webDir, "dist", "server.mjs");
  const [args, command] =
    input.server === "bundle" && existsSync(bundle)
      ? [[bundle], "node dist/server.mjs"]
      : existsSync(customServer)
        ? [["--import", pathToFileURL(require.resolve("tsx")).href, customServer], "node --import tsx server/start-web-server.ts"]
        : [[require.resolve("next/dist/bin/next"), "start", "-p", String(input.port)], "next start"];
  const log = createWriteStream(input.logFile);
  const child = spawn(process.execPath, [...(input.nodeArgs ?? []), ...args], { cwd: input.webDir, env: input.env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // "close": the process exited and its output pipes are drained into the log.
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const baseUrl = `http://127.0.0.1:${input.port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const force = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(force);
    await new Promise((resolve) => log.end(resolve));
  };

  const deadline = Date.now() + (input.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`${command} exited early with code ${child.exitCode}; see ${input.logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not answer on ${baseUrl} in time; see ${input.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, pid: child.pid!, baseUrl, command, stop };
}
