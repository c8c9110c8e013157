import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { retryDelaySeconds, retrySeed } from "../decisions/retry-delay-seconds";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { evaluateRun } from "../runs/evaluate-run";
import { triggerDagRun } from "../runs/trigger-dag-run";
import { finish, instance, launchQueued, newTenant, pendingJobs, uploadDag } from "../testing/engine-test-kit";

const t = useTestDatabase();
let tenantId: string;
let dagDbId: string;
const task = { retry_delay: 10, retry_exponential_backoff: true, max_retry_delay: null };

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "retries");
  dagDbId = await uploadDag(
    t.db,
    tenantId,
    `
dag_id: flaky
schedule: null
tasks:
  - task_id: fetch
    command: ["true"]
    retries: 2
    retry_delay: 10s
    retry_exponential_backoff: true
  - task_id: after
    depends_on: [fetch]
    command: ["true"]
`,
  );
});

describe("retries", () => {
  it("puts a failed try up for retry after Airflow's delay, then runs a new try", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    const t0 = new Date();
    await evaluateRun(t.db, run.id, t0);
    const [try1] = await launchQueued(t.db, { runId: run.id }, t0);
    const failedAt = new Date(t0.getTime() + 1000);
    await finish(t.db, try1!, { exitCode: 1 }, failedAt);

    let fetch = await instance(t.db, run.id, "fetch");
    const logicalDate = (await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } })).logicalDate;
    const expectedDelay = retryDelaySeconds(task, 1, retrySeed("flaky", "fetch", logicalDate, 1));
    expect(expectedDelay).toBeGreaterThanOrEqual(10);
    expect(expectedDelay).toBeLessThan(20);
    expect(fetch.state).toBe("UP_FOR_RETRY");
    expect(fetch.nextTryAt).toEqual(new Date(failedAt.getTime() + expectedDelay * 1000));
    expect(fetch.message).toBe(`exit code 1; try 1 of 3 failed, retrying in ${expectedDelay}s`);
    const try1Row = await t.db.taskTry.findFirstOrThrow({ where: { taskInstanceId: fetch.id, tryNumber: 1 } });
    expect(try1Row).toMatchObject({ state: "FAILED", exitCode: 1, message: "exit code 1" });
    // The run waits for the retry; a wake-up job is due when the retry is.
    expect((await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } })).state).toBe("RUNNING");
    const wake = (await pendingJobs(t.db, "evaluate_run")).find((j) => j.key === `evaluate_run:${run.id}:retry`);
    expect(wake?.runAt).toEqual(fetch.nextTryAt);

    // Evaluated too early: nothing happens.
    await evaluateRun(t.db, run.id, new Date(fetch.nextTryAt!.getTime() - 1));
    expect((await instance(t.db, run.id, "fetch")).state).toBe("UP_FOR_RETRY");

    // Once due: a new try (2) with its own row; the downstream task still waits.
    const due = new Date(fetch.nextTryAt!.getTime());
    const result = await evaluateRun(t.db, run.id, due);
    expect(result.queued).toEqual([{ taskInstanceId: fetch.id, taskId: "fetch", tryNumber: 2 }]);
    fetch = await instance(t.db, run.id, "fetch");
    expect(fetch).toMatchObject({ state: "QUEUED", tryNumber: 2, nextTryAt: null, message: null, exitCode: null, endedAt: null });
    expect((await instance(t.db, run.id, "after")).state).toBe("NONE");
    const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: fetch.id }, orderBy: { tryNumber: "asc" } });
    expect(tries.map((r) => [r.tryNumber, r.state])).toEqual([
      [1, "FAILED"],
      [2, "QUEUED"],
    ]);

    const [try2] = await launchQueued(t.db, { runId: run.id }, due);
    expect(try2!.tryNumber).toBe(2);
    await finish(t.db, try2!, { exitCode: 0 }, new Date(due.getTime() + 500));
    expect((await instance(t.db, run.id, "fetch")).state).toBe("SUCCESS");
    expect((await instance(t.db, run.id, "after")).state).toBe("QUEUED");
  });

  it("fails the task (and the run) when its last try fails", async () => {
    const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
    let now = new Date();
    await evaluateRun(t.db, run.id, now);
    for (let tryNumber = 1; tryNumber <= 3; tryNumber++) {
      const [launch] = await launchQueued(t.db, { runId: run.id }, now);
      expect(launch!.tryNumber).toBe(tryNumber);
      await finish(t.db, launch!, { exitCode: 2 }, now);
      const fetch = await instance(t.db, run.id, "fetch");
      if (tryNumber < 3) {
        expect(fetch.state).toBe("UP_FOR_RETRY");
        now = fetch.nextTryAt!;
        await evaluateRun(t.db, run.id, now);
      } else {
        expect(fetch).toMatchObject({ state: "FAILED", message: "exit code 2", nextTryAt: null });
      }
    }
    const finished = await t.db.dagRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.state).toBe("FAILED");
    expect((await instance(t.db, run.id, "after")).state).toBe("UPSTREAM_FAILED");
    const fetchId = (await instance(t.db, run.id, "fetch")).id;
    expect(await t.db.taskTry.count({ where: { taskInstanceId: fetchId, state: "FAILED" } })).toBe(3);
  });
});
