import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue } from "../testing/ensure-job-queue";
import { createTaskLogWriter } from "../logs/task-log-writer";
import { countStoredLogLines } from "../logs/count-stored-log-lines";
import { evaluateRun } from "../runs/evaluate-run";
import { triggerDagRun } from "../runs/trigger-dag-run";
import { clearJobs, instance, launchTask, newTenant, pendingJobs, SCHEDULER, uploadDag } from "../testing/engine-test-kit";
import { returnTryToQueue } from "./return-try-to-queue";

const t = useTestDatabase();
let tenantId: string;
let dagDbId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "requeue");
  dagDbId = await uploadDag(t.db, tenantId, `dag_id: one\nschedule: null\ntasks:\n  - task_id: only\n    command: ["true"]\n`);
});

async function runningTry() {
  const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
  await evaluateRun(t.db, run.id);
  const launch = await launchTask(t.db, run.id, "only");
  await clearJobs(t.db);
  return { run, launch };
}

const REFUSED = 'waiting for quota: Kubernetes refused the pod (exceeded quota: compute, requested: requests.cpu=2)';

describe("returnTryToQueue", () => {
  it("puts a try its executor could not start back in the queue, same try, and relaunches it later", async () => {
    const { run, launch } = await runningTry();
    const relaunchAt = new Date(Date.now() + 4000);

    const returned = await returnTryToQueue(t.db, {
      taskInstanceId: launch.taskInstanceId,
      tryNumber: launch.tryNumber,
      schedulerId: SCHEDULER.schedulerId,
      message: REFUSED,
      relaunchAt,
      waits: 2,
    });

    expect(returned).toBe(true);
    expect(await instance(t.db, run.id, "only")).toMatchObject({
      state: "QUEUED",
      tryNumber: 1,
      message: REFUSED,
      startedAt: null,
      executorKey: null,
      schedulerId: null,
    });
    const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: launch.taskInstanceId } });
    expect(tries).toEqual([
      expect.objectContaining({ tryNumber: 1, state: "QUEUED", startedAt: null, executorKey: null, schedulerId: null, hostname: null }),
    ]);
    const [job] = await pendingJobs(t.db, "launch_task");
    expect(job).toMatchObject({
      key: `launch_task:${launch.taskInstanceId}:1`,
      payload: { taskInstanceId: launch.taskInstanceId, tryNumber: 1, waits: 2 },
    });
    expect(job!.runAt.getTime()).toBe(relaunchAt.getTime());

    // The relaunch claims the same try again, and the waiting message goes away.
    const again = await launchTask(t.db, run.id, "only");
    expect(again.tryNumber).toBe(1);
    expect(await instance(t.db, run.id, "only")).toMatchObject({ state: "RUNNING", message: null });
  });

  it("changes nothing for a try running under another scheduler, or no longer running", async () => {
    const { run, launch } = await runningTry();
    const input = {
      taskInstanceId: launch.taskInstanceId,
      tryNumber: launch.tryNumber,
      schedulerId: randomUUID(),
      message: REFUSED,
      relaunchAt: new Date(),
      waits: 1,
    };

    expect(await returnTryToQueue(t.db, input)).toBe(false);
    expect(await returnTryToQueue(t.db, { ...input, schedulerId: SCHEDULER.schedulerId, tryNumber: 2 })).toBe(false);
    expect(await instance(t.db, run.id, "only")).toMatchObject({ state: "RUNNING", message: null, schedulerId: SCHEDULER.schedulerId });
    expect(await pendingJobs(t.db, "launch_task")).toEqual([]);
  });
});

describe("countStoredLogLines", () => {
  it("counts the complete lines of a try's stored stdout, not stderr nor other tries", async () => {
    const { launch } = await runningTry();
    const writer = createTaskLogWriter(t.db);
    writer.append(launch.taskInstanceId, 1, "STDOUT", "one\ntwo\n");
    writer.append(launch.taskInstanceId, 1, "STDERR", "warn\n");
    writer.append(launch.taskInstanceId, 1, "STDOUT", "three\npartial");
    writer.append(launch.taskInstanceId, 2, "STDOUT", "other try\n");
    await writer.close();

    expect(await countStoredLogLines(t.db, launch.taskInstanceId, 1)).toBe(3);
    expect(await countStoredLogLines(t.db, launch.taskInstanceId, 3)).toBe(0);
  });
});
