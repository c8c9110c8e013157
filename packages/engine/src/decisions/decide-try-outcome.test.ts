import { describe, expect, it } from "vitest";
import { decideTryOutcome } from "./decide-try-outcome";
import { retryDelaySeconds } from "./retry-delay-seconds";

const task = { retry_delay: 30, retry_exponential_backoff: false, max_retry_delay: null };
const now = new Date("2025-03-01T12:00:00Z");
const base = { task, seed: "d#t#2025-03-01T00:00:00.000Z#1", now };

describe("decideTryOutcome", () => {
  it("succeeds the task on success", () => {
    expect(decideTryOutcome({ ...base, outcome: "success", reason: null, tryNumber: 1, maxTries: 3 })).toEqual({
      taskState: "SUCCESS",
      tryState: "SUCCESS",
      tryMessage: null,
      taskMessage: null,
      nextTryAt: null,
    });
  });

  it("puts a failed try up for retry while tries remain, after the retry delay", () => {
    const d = decideTryOutcome({ ...base, outcome: "failed", reason: "exit code 1", tryNumber: 1, maxTries: 3 });
    expect(d.taskState).toBe("UP_FOR_RETRY");
    expect(d.tryState).toBe("FAILED");
    expect(d.tryMessage).toBe("exit code 1");
    expect(d.taskMessage).toBe("exit code 1; try 1 of 3 failed, retrying in 30s");
    expect(d.nextTryAt).toEqual(new Date("2025-03-01T12:00:30Z"));
  });

  it("uses the exponential delay of the failed try", () => {
    const exp = { retry_delay: 10, retry_exponential_backoff: true, max_retry_delay: null };
    const seed = "d#t#2025-03-01T00:00:00.000Z#2";
    const d = decideTryOutcome({ ...base, task: exp, seed, outcome: "failed", reason: "boom", tryNumber: 2, maxTries: 5 });
    expect(d.nextTryAt!.getTime() - now.getTime()).toBe(retryDelaySeconds(exp, 2, seed) * 1000);
  });

  it("fails the task on its last try", () => {
    const d = decideTryOutcome({ ...base, outcome: "failed", reason: "execution_timeout of 1s exceeded", tryNumber: 3, maxTries: 3 });
    expect(d).toMatchObject({ taskState: "FAILED", tryState: "FAILED", taskMessage: "execution_timeout of 1s exceeded", nextTryAt: null });
  });

  it("fails a task without retries at once", () => {
    expect(decideTryOutcome({ ...base, outcome: "failed", reason: "exit code 3", tryNumber: 1, maxTries: 1 }).taskState).toBe("FAILED");
  });
});
