import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@updraft/db/testing";
import { TEST_SECRET_KEY } from "@updraft/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSchedulerProcess, type SchedulerProcess } from "../testing/scheduler-process";
import { schedulerMain } from "../testing/scheduler-main";

const t = useTestDatabase();
let dir: string;
const started: SchedulerProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "updraft-main-health-"));
});
afterAll(async () => {
  for (const proc of started) proc.kill();
  await Promise.all(started.map((proc) => proc.exited));
  await rm(dir, { recursive: true, force: true });
});

function start(name: string, env: Record<string, string>): SchedulerProcess {
  const proc = spawnSchedulerProcess({
    main: schedulerMain(),
    logFile: join(dir, `${name}.log`),
    env: { DATABASE_URL: t.url, UPDRAFT_SECRET_KEY: TEST_SECRET_KEY, UPDRAFT_EXECUTOR: "noop", LOG_LEVEL: "info", ...env },
  });
  started.push(proc);
  return proc;
}

async function logLines(proc: SchedulerProcess): Promise<Record<string, unknown>[]> {
  const text = await readFile(proc.logFile, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the scheduler process (main.ts)", () => {
  it("serves /healthz, /readyz and /metrics on the port it logs, and turns /readyz to 503 on SIGTERM before exiting 0", async () => {
    const proc = start("ok", { UPDRAFT_METRICS_PORT: "0" });
    let port = 0;
    await expect
      .poll(async () => (port = Number((await logLines(proc)).find((l) => l.msg === "health and metrics server listening")?.port ?? 0)), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status, { timeout: 30_000 }).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: "ok" });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain("# TYPE updraft_task_launches_total counter");
    expect(metrics).toContain("# TYPE process_resident_memory_bytes gauge");

    proc.child.kill("SIGTERM");
    // Once the signal is handled: 503 while it stops, then the connection is refused once it is gone.
    const readyz = () =>
      fetch(`http://127.0.0.1:${port}/readyz`).then(
        (res) => res.status,
        () => "gone",
      );
    let seen: number | string = 200;
    await expect.poll(async () => (seen = await readyz()), { timeout: 30_000 }).not.toBe(200);
    expect([503, "gone"]).toContain(seen);
    expect(await proc.exited).toEqual({ code: 0, signal: null });
  });

  it("refuses to start when its metrics port is taken, saying to set UPDRAFT_METRICS_PORT", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const proc = start("taken", { UPDRAFT_METRICS_PORT: String(port) });
      expect((await proc.exited).code).toBe(1);
      const fatal = (await logLines(proc)).find((l) => l.level === 60);
      expect(fatal?.msg).toMatch(new RegExp(`port ${port} .* is in use: set UPDRAFT_METRICS_PORT`));
    } finally {
      blocker.close();
    }
  });
});
