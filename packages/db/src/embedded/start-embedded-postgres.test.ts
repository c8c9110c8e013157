import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { waitUntil } from "@updraft/config/wait-until";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "./ports";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./start-embedded-postgres";

const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
});

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "updraft-embedded-test-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const postgres = await startEmbeddedPostgres({ dataDir, port });
  cleanups.push(() => postgres.stop());
  return postgres;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("keeps the data, the password and the URL across a stop and a start", async () => {
    const dataDir = await tempDataDir();
    const port = await findFreePort();

    const first = await start(dataDir, port);
    expect(first.url).toMatch(new RegExp(`^postgres://postgres:[0-9a-f]{48}@127\\.0\\.0\\.1:${port}/updraft$`));
    await sql(first.url, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('survives restarts')");
    await first.stop();
    await first.stop(); // idempotent
    await expect(sql(first.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);

    const passwordFile = join(dataDir, "pg-password");
    expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(passwordFile, "utf8")).trim()).toHaveLength(48);

    const second = await start(dataDir, port);
    expect(second.url).toBe(first.url);
    expect(await sql(second.url, "SELECT text FROM notes")).toEqual([{ text: "survives restarts" }]);
  });

  it("starts after Postgres was killed and another process got its pid", async () => {
    const dataDir = await tempDataDir();
    const port = await findFreePort();
    const first = await start(dataDir, port);
    await sql(first.url, "CREATE TABLE t (id INT); INSERT INTO t VALUES (1)");
    const postmasterPid = Number((await readFile(join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    process.kill(postmasterPid, "SIGKILL");
    await first.stop(); // the server is gone already: stop() must not hang
    await waitUntilGone(postmasterPid);

    // postmaster.pid is still there; make its pid belong to a live, unrelated process.
    const unrelated = spawn("sleep", ["60"], { stdio: "ignore" });
    cleanups.push(async () => unrelated.kill());
    const pidFile = join(dataDir, "pg", "postmaster.pid");
    const lines = (await readFile(pidFile, "utf8")).split("\n");
    lines[0] = String(unrelated.pid);
    await writeFile(pidFile, lines.join("\n"));

    const second = await start(dataDir, port);
    expect(await sql(second.url, "SELECT id FROM t")).toEqual([{ id: 1 }]);
  });

  it("says which port is taken when another program listens on it", async () => {
    const port = await findFreePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));

    await expect(startEmbeddedPostgres({ dataDir: await tempDataDir(), port })).rejects.toThrow(
      new RegExp(`Port ${port} on 127.0.0.1 is already in use`),
    );
  });

  it("refuses to start a second server on a data directory that is in use", async () => {
    const dataDir = await tempDataDir();
    await start(dataDir, await findFreePort());

    await expect(startEmbeddedPostgres({ dataDir, port: await findFreePort() })).rejects.toThrow(
      /A Postgres server \(pid \d+\) is already running on the data directory .*kill -INT \d+/,
    );
  });
});

/** Waits until the process is gone, however long that takes (the test's timeout guards against a hang). */
async function waitUntilGone(pid: number): Promise<void> {
  await waitUntil(
    () => {
      try {
        process.kill(pid, 0);
        return undefined;
      } catch {
        return true;
      }
    },
    () => `process ${pid} to exit`,
    { pollMs: 50 },
  );
}
