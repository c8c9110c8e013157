import { useTestDatabase } from "@updraft/db/testing";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../test-support/api-callers";
import { triggeredSampleRun } from "../test-support/sample-run";

const testDb = useTestDatabase();

describe("logs.forTask", () => {
  const tenantSlug = "pied-piper";
  let caller: Caller;
  let taskInstanceId: string;

  const append = (stream: "STDOUT" | "STDERR", content: string, tryNumber = 1) =>
    testDb.db.taskLog.create({ data: { taskInstanceId, tryNumber, stream, content } });

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    const seeded = await triggeredSampleRun(testDb.db, tenantSlug);
    caller = seeded.viewer.caller;
    const ti = await testDb.db.taskInstance.findFirstOrThrow({ where: { dagRunId: seeded.runId, taskId: "extract" } });
    taskInstanceId = ti.id;
    await testDb.db.taskInstance.update({ where: { id: ti.id }, data: { state: "RUNNING", tryNumber: 1 } });
  });

  it("returns only chunks after the cursor, and says when the task is done", async () => {
    await append("STDOUT", "line 1\n");
    await append("STDERR", "warning\n");

    const first = await caller.logs.forTask({ tenantSlug, taskInstanceId });
    expect(first.chunks.map((c) => [c.stream, c.content])).toEqual([
      ["STDOUT", "line 1\n"],
      ["STDERR", "warning\n"],
    ]);
    expect(first).toMatchObject({ taskId: "extract", tryNumber: 1, taskState: "RUNNING", finished: false });

    const nothingNew = await caller.logs.forTask({ tenantSlug, taskInstanceId, afterId: first.nextCursor ?? undefined });
    expect(nothingNew.chunks).toEqual([]);
    expect(nothingNew.nextCursor).toBe(first.nextCursor);

    await append("STDOUT", "line 2\n");
    await testDb.db.taskInstance.update({ where: { id: taskInstanceId }, data: { state: "SUCCESS", exitCode: 0 } });
    const next = await caller.logs.forTask({ tenantSlug, taskInstanceId, afterId: nothingNew.nextCursor ?? undefined });
    expect(next.chunks.map((c) => c.content)).toEqual(["line 2\n"]);
    expect(next.finished).toBe(true);
  });

  it("pages through long logs without skipping a chunk", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i += 1) {
      const page = await caller.logs.forTask({ tenantSlug, taskInstanceId, afterId: cursor, limit: 2 });
      seen.push(...page.chunks.map((c) => c.content));
      cursor = page.nextCursor ?? undefined;
      if (page.finished) break;
    }
    expect(seen).toEqual(["line 1\n", "warning\n", "line 2\n"]);
  });

  it("reads an older try by number", async () => {
    await append("STDOUT", "second try\n", 2);
    await testDb.db.taskInstance.update({ where: { id: taskInstanceId }, data: { tryNumber: 2 } });
    const latest = await caller.logs.forTask({ tenantSlug, taskInstanceId });
    expect(latest.chunks.map((c) => c.content)).toEqual(["second try\n"]);
    const older = await caller.logs.forTask({ tenantSlug, taskInstanceId, tryNumber: 1 });
    expect(older.chunks).toHaveLength(3);
    expect(older.finished).toBe(true);
  });
});
