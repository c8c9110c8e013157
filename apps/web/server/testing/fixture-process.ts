// Runs a server fixture (drain-fixture.ts, cluster-fixture.ts, bundled once per test run by
// fixture-bundles-global-setup.ts) in its own process, so tests can signal it, and collects its JSON log lines.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { inject } from "vitest";
import type { FixtureName } from "./build-fixture-bundles";
import "./fixture-bundles-context";

export interface FixtureProcess {
  child: ChildProcessWithoutNullStreams;
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  stderr(): string;
}

/**
 * The hang guard of a test that starts fixture processes: their waits have no deadline of their own, and on a
 * busy machine starting a cluster's workers several times over may take long; it only has to end.
 */
export const PROCESS_TEST_TIMEOUT_MS = 300_000;

const children: ChildProcessWithoutNullStreams[] = [];

/** SIGKILLs every fixture still running (and, for detached ones, its whole process group). For afterEach. */
export function killFixtures(): void {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      if (child.spawnargs.includes("--detached-group")) process.kill(-child.pid!, "SIGKILL");
      else child.kill("SIGKILL");
    } catch {
      // Gone already.
    }
  }
}

/**
 * Polls `check` until it returns a value, as long as that takes (a busy machine only makes it slower;
 * the test's timeout guards against a hang). `check` throws to give up early, e.g. when the fixture exited.
 * Every 30 s it says on stderr what it is still waiting for, so a hang names its condition.
 */
export async function until<T>(check: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const started = Date.now();
  let reported = 0;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    const waitedS = Math.floor((Date.now() - started) / 30_000) * 30;
    if (waitedS > reported) {
      reported = waitedS;
      console.warn(`still waiting for ${what} after ${waitedS} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Starts `node <fixture bundle>`. `detached`: in its own process group
 * (pid = group id), so the test can signal the whole group like a terminal's Ctrl-C.
 */
export function spawnFixture(fixture: FixtureName, env: Record<string, string>, options: { detached?: boolean } = {}): FixtureProcess {
  const args = [join(inject("updraftWebFixtureBundles"), `${fixture}.mjs`)];
  if (options.detached) args.push("--detached-group");
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: "pipe", detached: options.detached ?? false });
  children.push(child);
  const logs: Array<Record<string, unknown>> = [];
  let buffered = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, logs, exited, stderr: () => stderr };
}

/** Waits for a log line matching `match` (throws if the fixture exits first). */
export function waitForLog(fixture: FixtureProcess, match: (line: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>> {
  return until(() => {
    const line = fixture.logs.find(match);
    if (line) return line;
    if (fixture.child.exitCode !== null) throw new Error(`fixture exited (${fixture.child.exitCode}) before ${what}: ${fixture.stderr()}`);
    return undefined;
  }, what);
}

export function get(port: number, path: string): Promise<{ status: number; body: string; headers: IncomingMessage["headers"] }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

/** Whether a process with this pid still exists (a zombie does not count). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return true;
  }
}
