// Runs a server fixture (drain-fixture.ts, cluster-fixture.ts, bundled once per test run by
// fixture-bundles-global-setup.ts) in its own process, so tests can signal it, and collects its JSON log lines.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { waitUntil } from "@updraft/config/wait-until";
import { inject } from "vitest";
import type { FixtureName } from "./build-fixture-bundles";
import "./fixture-bundles-context";

export interface FixtureProcess {
  child: ChildProcessWithoutNullStreams;
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  stderr(): string;
}

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
  return waitUntil(() => {
    const line = fixture.logs.find(match);
    if (line) return line;
    if (fixture.child.exitCode !== null) throw new Error(`fixture exited (${fixture.child.exitCode}) before ${what}: ${fixture.stderr()}`);
    return undefined;
  }, () => what);
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
