import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { memberWithRole } from "../test-support/api-callers";
import { triggeredSampleRun } from "../test-support/sample-run";

const testDb = useTestDatabase();

const at = (second: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, second));

describe("taskInstances.get", () => {
  const tenantSlug = "tyrell";
  let viewer: Awaited<ReturnType<typeof memberWithRole>>["caller"];
  let runId: string;
  let extractId: string;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    ({ runId, viewer: { caller: viewer } } = await triggeredSampleRun(testDb.db, tenantSlug));
    const extract = await testDb.db.taskInstance.findFirstOrThrow({ where: { dagRunId: runId, taskId: "extract" } });
    extractId = extract.id;
    await testDb.db.taskInstance.update({
      where: { id: extract.id },
      data: { state: "RUNNING", tryNumber: 2, maxTries: 3, startedAt: at(5), queuedAt: at(4) },
    });
    const env = { GREETING: "hello", API_TOKEN: "tok-123", DB_PASSWORD: "hunter2", AWS_ACCESS_KEY_ID: "AKIA" };
    await testDb.db.taskTry.createMany({
      data: [
        {
          taskInstanceId: extract.id,
          tryNumber: 1,
          state: "FAILED",
          queuedAt: at(0),
          startedAt: at(1),
          endedAt: at(3),
          exitCode: 2,
          message: "exit code 2",
          hostname: "worker-1",
          renderedCommand: { command: ["sh", "-c"], args: ["echo extracting 2025-06-01"] },
          renderedEnv: env,
        },
        {
          taskInstanceId: extract.id,
          tryNumber: 2,
          state: "RUNNING",
          queuedAt: at(4),
          startedAt: at(5),
          renderedCommand: ["sh", "-c", "echo extracting 2025-06-01"],
          renderedEnv: env,
        },
      ],
    });
  });

  it("returns the instance with every try, its times, exit code and rendered command", async () => {
    const ti = await viewer.taskInstances.get({ tenantSlug, id: extractId });
    expect(ti).toMatchObject({
      id: extractId,
      taskId: "extract",
      dagId: "etl_daily",
      state: "RUNNING",
      tryNumber: 2,
      maxTries: 3,
      pool: "default_pool",
      finished: false,
      run: { id: runId, finished: false },
    });
    expect(ti.tries.map((t) => [t.tryNumber, t.state, t.exitCode])).toEqual([
      [1, "FAILED", 2],
      [2, "RUNNING", null],
    ]);
    expect(ti.tries[0]).toMatchObject({
      queuedAt: at(0),
      startedAt: at(1),
      endedAt: at(3),
      message: "exit code 2",
      hostname: "worker-1",
      renderedCommand: ["sh", "-c", "echo extracting 2025-06-01"],
    });
    expect(ti.tries[1]?.renderedCommand).toEqual(["sh", "-c", "echo extracting 2025-06-01"]);
  });

  it("masks env values whose name looks secret", async () => {
    const ti = await viewer.taskInstances.get({ tenantSlug, id: extractId });
    for (const attempt of ti.tries) {
      expect(attempt.renderedEnv).toEqual({ GREETING: "hello", API_TOKEN: "***", DB_PASSWORD: "***", AWS_ACCESS_KEY_ID: "***" });
    }
    expect(JSON.stringify(ti)).not.toContain("hunter2");
    expect(JSON.stringify(ti)).not.toContain("tok-123");
  });

  it("has no tries before the first launch", async () => {
    const load = await testDb.db.taskInstance.findFirstOrThrow({ where: { dagRunId: runId, taskId: "load" } });
    const ti = await viewer.taskInstances.get({ tenantSlug, id: load.id });
    expect(ti).toMatchObject({ state: "NONE", tryNumber: 0, tries: [] });
  });

  it("does not return another tenant's task instance", async () => {
    const other = await memberWithRole(testDb.db, "weyland", "OWNER");
    await expect(other.caller.taskInstances.get({ tenantSlug: "weyland", id: extractId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Task instance not found",
    });
  });
});
