import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@updraft/db/testing";
import { TEST_SECRET_KEY } from "@updraft/platform";
import { waitUntil } from "@updraft/config/wait-until";
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
    const port = await waitUntil(
      async () => Number((await logLines(proc)).find((l) => l.msg === "health and metrics server listening")?.port ?? 0) || undefined,
      () => `the log line "health and metrics server listening" in ${proc.logFile}`,
      { pollMs: 50 },
    );
    expect(port).toBeGreaterThan(0);
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/readyz`).then((res) => res.status, () => undefined)) === 200,
      () => `/readyz on port ${port} to answer 200`,
      { pollMs: 50 },
    );
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
    const seen = await waitUntil(async () => {
      const status = await readyz();
      return status === 200 ? undefined : status;
    }, () => `/readyz on port ${port} to stop answering 200 after SIGTERM`, { pollMs: 50 });
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
