import { randomUUID } from "node:crypto";
import { executorKey } from "@updraft/executor";
import { describe, expect, it } from "vitest";
import { tryOfExecutorKey } from "./try-of-executor-key";

describe("tryOfExecutorKey", () => {
  it("reads back the task instance and try of a key", () => {
    const taskInstanceId = randomUUID();
    const key = executorKey(taskInstanceId, 12);
    expect(tryOfExecutorKey(key)).toEqual({ key, taskInstanceId, tryNumber: 12 });
  });

  it("knows nothing about other keys", () => {
    expect(tryOfExecutorKey("some-pod")).toBeUndefined();
    expect(tryOfExecutorKey("ti-abc-t1")).toBeUndefined();
  });
});
