import { uploadDag } from "./testing/upload-dag";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { retryDelaySeconds, retrySeed, triggerDagRun } from "@updraft/engine";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "./start-scheduler";
import { waitForRunToFinish } from "./testing/wait-for-run";
import { TEST_KEYRING } from "./testing/test-keyring";

const t = useTestDatabase();
let tenantId: string;
let scheduler: RunningScheduler;
let dir: string;

beforeAll(async () => {
  tenantId = (await createTenant(t.db, { slug: "retries", name: "Retries" })).id;
  dir = await mkdtemp(join(tmpdir(), "updraft-retries-"));
  // Retries wait in future-dated jobs, which idle workers find by polling.
  // A one-minute poll: retries must start on time without polling (the
  // replica wakes each due retry itself), or these tests time out.
  scheduler = await startScheduler({ keyring: TEST_KEYRING, databaseUrl: t.url, executor: "local", pollIntervalMs: 60_000, logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await scheduler?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function upload(source: string) {
  return (await uploadDag(t.db, tenantId, source)).dagDbId;
}

describe("retries through the scheduler", () => {
  it("retries a failing task after Airflow's delay, each try with its own log, until it succeeds", async () => {
    const marker = join(dir, "attempts");
    const dagDbId = await upload(`
dag_id: flaky
schedule: null
tasks:
  - task_id: flaky
    command: [sh, -c]
    args: ['n=$(cat "$MARKER" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$MARKER"; echo "attempt $n"; test $n -ge 3']
    env: { MARKER: "${marker}" }
    retries: 3
    retry_delay: 1s
    retry_exponential_backoff: true
  - task_id: after
    depends_on: [flaky]
    command: ["true"]
`);
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);

    expect(run.state).toBe("SUCCESS");
    const flaky = run.taskInstances.find((ti) => ti.taskId === "flaky")!;
    expect(flaky).toMatchObject({ state: "SUCCESS", tryNumber: 3, exitCode: 0, message: null });
    const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: flaky.id }, orderBy: { tryNumber: "asc" } });
    expect(tries.map((r) => [r.tryNumber, r.state, r.exitCode, r.message])).toEqual([
      [1, "FAILED", 1, "exit code 1"],
      [2, "FAILED", 1, "exit code 1"],
      [3, "SUCCESS", 0, null],
    ]);
    for (const r of tries) expect(r.renderedCommand).toEqual(["sh", "-c", expect.stringContaining("attempt $n")]);

    for (const tryNumber of [1, 2, 3]) {
      const log = await t.db.taskLog.findMany({ where: { taskInstanceId: flaky.id, tryNumber, stream: "STDOUT" } });
      expect(log.map((c) => c.content).join("")).toBe(`attempt ${tryNumber}\n`);
    }

    const task = { retry_delay: 1, retry_exponential_backoff: true, max_retry_delay: null };
    for (const n of [1, 2]) {
      const delayMs = retryDelaySeconds(task, n, retrySeed("flaky", "flaky", run.logicalDate, n)) * 1000;
      const gap = tries[n]!.startedAt!.getTime() - tries[n - 1]!.endedAt!.getTime();
      expect(gap, `gap between try ${n} and try ${n + 1}`).toBeGreaterThanOrEqual(delayMs);
      expect(gap).toBeLessThan(delayMs + 3000);
    }
  });

  it("kills a task that exceeds execution_timeout, then retries it, and fails the run once tries run out", async () => {
    const dagDbId = await upload(`
dag_id: too_slow
schedule: null
tasks:
  - task_id: sleepy
    command: [sleep, "30"]
    execution_timeout: 1s
    retries: 1
    retry_delay: 1s
`);
    const started = Date.now();
    const { id } = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const run = await waitForRunToFinish(t.db, id);

    expect(run.state).toBe("FAILED");
    expect(Date.now() - started).toBeLessThan(15_000);
    const sleepy = run.taskInstances[0]!;
    expect(sleepy).toMatchObject({ state: "FAILED", tryNumber: 2, message: "execution_timeout of 1s exceeded" });
    const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: sleepy.id }, orderBy: { tryNumber: "asc" } });
    expect(tries.map((r) => [r.tryNumber, r.state, r.message])).toEqual([
      [1, "FAILED", "execution_timeout of 1s exceeded"],
      [2, "FAILED", "execution_timeout of 1s exceeded"],
    ]);
    for (const r of tries) {
      const ranMs = r.endedAt!.getTime() - r.startedAt!.getTime();
      expect(ranMs).toBeGreaterThanOrEqual(950);
      expect(ranMs).toBeLessThan(5000);
    }
    expect(tries[1]!.startedAt!.getTime() - tries[0]!.endedAt!.getTime()).toBeGreaterThanOrEqual(1000);
  });
});
