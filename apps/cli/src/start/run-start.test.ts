import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "@updraft/db";
import { startEmbeddedPostgres } from "@updraft/db/embedded";
import pino from "pino";
import { waitUntil } from "@updraft/config/wait-until";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { childEnv, type ChildContext } from "./build-child-specs";
import { findRepoRoot } from "./find-repo-root";
import { runStart, type StartDeps } from "./run-start";
import { seedAdmin } from "./seed-admin";
import type { ChildSpec } from "./supervise-children";

const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
const dataDir = mkdtempSync(join(tmpdir(), "updraft-start-test-"));

/** Runs still going when a test failed: stop them, so no Postgres or child outlives the test. */
const pendingRuns = new Set<{ signals: EventEmitter; run: Promise<number> }>();
afterEach(async () => {
  for (const pending of pendingRuns) {
    pending.signals.emit("SIGTERM", "SIGTERM");
    await pending.run;
  }
  pendingRuns.clear();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A stand-in for `next start`: answers /api/health, reports the settings it got, stops on SIGTERM. */
const FAKE_WEB = `
  const http = require("node:http");
  const server = http.createServer((req, res) => { res.statusCode = req.url === "/api/health" ? 200 : 404; res.end("ok"); });
  process.on("SIGTERM", () => { console.log("web got SIGTERM"); server.close(() => process.exit(0)); });
  server.listen(Number(process.env.PORT), () => {
    console.log("web listening; db=" + (process.env.DATABASE_URL ? "set" : "missing") +
      " secret=" + (process.env.NEXTAUTH_SECRET || "").length + " key=" + (process.env.UPDRAFT_SECRET_KEY || "").length + " url=" + process.env.NEXTAUTH_URL +
      " executor=" + process.env.UPDRAFT_EXECUTOR + " env=" + process.env.NODE_ENV);
  });`;

/** A web app that ignores SIGTERM and has started a process of its own that ignores it too. */
const STUBBORN_WEB = `
  const http = require("node:http");
  const helper = require("node:child_process").spawn("sh", ["-c", "trap '' TERM; exec sleep 300"], { stdio: "ignore" });
  console.log("web helper " + helper.pid);
  process.on("SIGTERM", () => console.log("web ignores SIGTERM"));
  http.createServer((req, res) => { res.statusCode = req.url === "/api/health" ? 200 : 404; res.end("ok"); }).listen(Number(process.env.PORT));`;

/** Whether pid is still running (a zombie, dead but not yet reaped, is not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** A stand-in for the scheduler: runs until SIGTERM, or dies with `exitAfterMs`. */
function fakeScheduler(exitAfterMs?: number): string {
  return `
    process.on("SIGTERM", () => { console.log("scheduler got SIGTERM"); process.exit(0); });
    console.log("scheduler up");
    setInterval(() => {}, 1000);
    ${exitAfterMs === undefined ? "" : `setTimeout(() => { console.error("cannot reach the database"); process.exit(1); }, ${exitAfterMs});`}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether anything still listens on the host:port of a database URL. */
async function acceptsConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function harness(options: { env?: NodeJS.ProcessEnv; schedulerExitAfterMs?: number; stubbornWeb?: boolean } = {}) {
  const signals = new EventEmitter();
  const lines: string[] = [];
  const events: string[] = [];
  let postgresUrl: string | undefined;
  const deps: StartDeps = {
    env: { UPDRAFT_DATA_DIR: dataDir, ...options.env },
    cwd: repoRoot,
    repoRoot,
    out: (text) => void lines.push(text),
    err: (text) => void lines.push(text),
    signals,
    exitNow: () => {
      throw new Error("exitNow must not be called");
    },
    logger: pino({ level: "silent" }),
    async startEmbeddedPostgres(opts) {
      const started = await startEmbeddedPostgres({ ...opts, port: await freePort() });
      postgresUrl = started.url;
      events.push("postgres started");
      return {
        url: started.url,
        stop: async () => {
          events.push("postgres stopping");
          await started.stop();
        },
      };
    },
    migrate,
    seedAdmin,
    buildChildSpecs(ctx: ChildContext): ChildSpec[] {
      const env = childEnv(ctx);
      return [
        { name: "web", command: process.execPath, args: ["-e", options.stubbornWeb ? STUBBORN_WEB : FAKE_WEB], env },
        { name: "scheduler", command: process.execPath, args: ["-e", fakeScheduler(options.schedulerExitAfterMs)], env },
      ];
    },
    checkWebBuild: () => null,
    readyPollMs: 50,
  };
  const text = () => lines.join("");
  return {
    deps,
    /** runStart(deps), stopped after the test if it is still running. */
    start() {
      const pending = { signals, run: runStart(deps) };
      pendingRuns.add(pending);
      void pending.run.finally(() => pendingRuns.delete(pending));
      return pending.run;
    },
    signals,
    text,
    events,
    postgresUrl: () => postgresUrl,
    /** Waits until the output holds `needle`, as long as that takes (the test's timeout guards against a hang). */
    async until(needle: string) {
      await waitUntil(() => text().includes(needle), () => `${JSON.stringify(needle)} in the output`);
    },
  };
}

describe("updraft start", () => {
  it("with no configuration: embedded Postgres, migrations, admin shown once, web + scheduler, clean Ctrl-C", async () => {
    const port = await freePort();
    const h = harness({ env: { PORT: String(port) } });
    const exitCode = h.start();

    await h.until(`Updraft is ready at http://localhost:${port}`);
    await h.until("[scheduler] scheduler up");
    const out = h.text();
    expect(out).toContain(`Postgres: embedded in ${join(dataDir, "pg")}`);
    expect(out).toMatch(/Migrations: applied \S+/);
    expect(out).toContain("Updraft admin account created");
    expect(out).toContain(`URL:       http://localhost:${port}`);
    expect(out).toContain("E-mail:    admin@updraft.local");
    expect(out).toMatch(/Password: {2}\S{8,}/);
    expect(out).toContain("shown once — save it");
    expect(out).toContain(`[web] web listening; db=set secret=43 key=44 url=http://localhost:${port} executor=local env=production`);
    expect(out).toContain("[scheduler] scheduler up");
    expect(statSync(join(dataDir, "nextauth-secret")).mode & 0o777).toBe(0o600);
    // The key that encrypts secrets is generated into the data directory, private, and its file named.
    expect(out).toContain(`Secret key: generated into ${join(dataDir, "secret-key")}`);
    expect(statSync(join(dataDir, "secret-key")).mode & 0o777).toBe(0o600);

    h.signals.emit("SIGINT", "SIGINT");
    await expect(exitCode).resolves.toBe(0);
    const after = h.text();
    expect(after).toContain("[web] web got SIGTERM");
    expect(after).toContain("[scheduler] scheduler got SIGTERM");
    // Postgres is stopped only after web and scheduler exited.
    expect(after.indexOf("Stopping the embedded Postgres")).toBeGreaterThan(after.indexOf("scheduler got SIGTERM"));
    expect(after.trimEnd().endsWith("Updraft stopped.")).toBe(true);
    expect(await acceptsConnections(h.postgresUrl()!)).toBe(false);
  });

  it("does not create or print the admin again on the next start", async () => {
    expect(existsSync(join(dataDir, "pg"))).toBe(true);
    const port = await freePort();
    const h = harness({ env: { PORT: String(port) } });
    const exitCode = h.start();
    await h.until("Updraft is ready at");
    expect(h.text()).toContain("Migrations: up to date");
    expect(h.text()).not.toContain("admin account created");
    // The same key as last time: what was encrypted then can still be read.
    expect(h.text()).not.toContain("Secret key: generated");
    h.signals.emit("SIGTERM", "SIGTERM");
    await expect(exitCode).resolves.toBe(0);
  });

  it("when the scheduler dies, stops the web app and Postgres and exits non-zero naming it", async () => {
    const port = await freePort();
    const h = harness({ env: { PORT: String(port) }, schedulerExitAfterMs: 1500 });
    const code = await h.start();
    expect(code).toBe(1);
    const out = h.text();
    expect(out).toContain("[scheduler] cannot reach the database");
    expect(out).toContain("Updraft stopped because the scheduler exited with code 1");
    expect(out).toContain("[web] web got SIGTERM");
    expect(h.events).toEqual(["postgres started", "postgres stopping"]);
    expect(await acceptsConnections(h.postgresUrl()!)).toBe(false);
  });

  it("on a second Ctrl-C kills the web app and the scheduler with the processes they started, then stops Postgres", async () => {
    const port = await freePort();
    const h = harness({ env: { PORT: String(port) }, stubbornWeb: true });
    const exitCode = h.start();
    await h.until("Updraft is ready at");
    await h.until("[web] web helper ");
    const helper = Number(/\[web\] web helper (\d+)/.exec(h.text())![1]);

    h.signals.emit("SIGINT", "SIGINT");
    await h.until("[web] web ignores SIGTERM");
    // A second Ctrl-C within 500 ms counts as the terminal's relayed copy of the first one.
    await new Promise((resolve) => setTimeout(resolve, 600));
    h.signals.emit("SIGINT", "SIGINT");

    await expect(exitCode).resolves.toBe(130);
    expect(h.text()).toContain("Killing the web app and the scheduler now");
    expect(running(helper)).toBe(false);
    expect(h.events).toEqual(["postgres started", "postgres stopping"]);
    expect(await acceptsConnections(h.postgresUrl()!)).toBe(false);
  });

  it("refuses invalid settings before starting anything", async () => {
    const h = harness({ env: { PORT: "eighty" } });
    await expect(h.start()).resolves.toBe(2);
    expect(h.text()).toContain('PORT must be a port number between 1 and 65535 (got "eighty")');
    expect(h.events).toEqual([]);
  });

  it("with DATABASE_URL but no UPDRAFT_SECRET_KEY, refuses before starting anything and says how to make a key", async () => {
    const h = harness({ env: { DATABASE_URL: "postgres://u:p@localhost:1/updraft" } });
    await expect(h.start()).resolves.toBe(2);
    expect(h.text()).toContain("UPDRAFT_SECRET_KEY is not set");
    expect(h.text()).toContain("openssl rand -base64 32");
    expect(h.events).toEqual([]);
  });

  it("refuses a malformed UPDRAFT_SECRET_KEY without printing it", async () => {
    const h = harness({ env: { UPDRAFT_SECRET_KEY: "not-a-real-key" } });
    await expect(h.start()).resolves.toBe(2);
    expect(h.text()).toContain("UPDRAFT_SECRET_KEY");
    expect(h.text()).not.toContain("not-a-real-key");
    expect(h.events).toEqual([]);
  });
});
