import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it, vi } from "vitest";
import { createTokenBucket } from "./create-token-bucket";
import { describeKubeError, isAlreadyExists, isConflict, isQuotaExceeded, isRetryable, kubeFailureOf } from "./kube-api-error";
import { retryDelayMs, withApiRetries } from "./with-api-retries";

const status = (code: number, reason: string, message: string, headers: Record<string, string> = {}) =>
  new ApiException(code, "x", JSON.stringify({ kind: "Status", code, reason, message }), headers);

describe("kube API errors", () => {
  it("reads the Status body and Retry-After", () => {
    expect(kubeFailureOf(status(429, "TooManyRequests", "slow down", { "retry-after": "2" }))).toEqual({
      code: 429,
      reason: "TooManyRequests",
      message: "slow down",
      retryAfterSeconds: 2,
    });
    expect(describeKubeError(status(404, "NotFound", 'pods "x" not found'))).toBe('404 NotFound: pods "x" not found');
  });

  it("tells AlreadyExists from Conflict and spots exceeded quota", () => {
    expect(isAlreadyExists(status(409, "AlreadyExists", "exists"))).toBe(true);
    expect(isConflict(status(409, "AlreadyExists", "exists"))).toBe(false);
    expect(isConflict(status(409, "Conflict", "modified"))).toBe(true);
    expect(isQuotaExceeded(status(403, "Forbidden", 'pods "p" is forbidden: exceeded quota: q, requested: …'))).toBe(true);
    expect(isQuotaExceeded(status(403, "Forbidden", 'pods "p" is forbidden: failed quota: q: must specify limits.cpu'))).toBe(false);
  });

  it("retries throttling, server errors and connection errors only", () => {
    expect(isRetryable(status(429, "TooManyRequests", ""))).toBe(true);
    expect(isRetryable(status(503, "ServiceUnavailable", ""))).toBe(true);
    expect(isRetryable(status(422, "Invalid", ""))).toBe(false);
    expect(isRetryable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isRetryable(new Error("bug"))).toBe(false);
  });
});

describe("withApiRetries", () => {
  it("retries until the call succeeds, honouring Retry-After", async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withApiRetries(
      async () => {
        calls++;
        if (calls < 3) throw status(500, "InternalError", "boom");
        return "ok";
      },
      { attempts: 5, baseDelayMs: 1, maxDelayMs: 5 },
      (_error, _attempt, delay) => delays.push(delay),
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
    expect(retryDelayMs(status(429, "TooManyRequests", "", { "retry-after": "3" }), 1, { attempts: 5, baseDelayMs: 1, maxDelayMs: 10_000 })).toBe(3000);
  });

  it("gives up after the last attempt and never retries client errors", async () => {
    let calls = 0;
    await expect(
      withApiRetries(async () => {
        calls++;
        throw status(500, "InternalError", "boom");
      }, { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 }),
    ).rejects.toMatchObject({ code: 500 });
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      withApiRetries(async () => {
        calls++;
        throw status(422, "Invalid", "bad");
      }),
    ).rejects.toMatchObject({ code: 422 });
    expect(calls).toBe(1);
  });
});

describe("createTokenBucket", () => {
  it("lets a burst through at once, then paces requests at qps", async () => {
    vi.useFakeTimers();
    try {
      const bucket = createTokenBucket({ qps: 50, burst: 2 });
      let granted = 0;
      for (let i = 0; i < 5; i++) void bucket.take().then(() => granted++);
      await vi.advanceTimersByTimeAsync(0);
      expect(granted).toBe(2); // the burst, without waiting
      await vi.advanceTimersByTimeAsync(19);
      expect(granted).toBe(2); // 50 per second: one every 20 ms
      await vi.advanceTimersByTimeAsync(1);
      expect(granted).toBe(3);
      await vi.advanceTimersByTimeAsync(40);
      expect(granted).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects waiters when closed", async () => {
    const bucket = createTokenBucket({ qps: 1, burst: 1 });
    await bucket.take();
    const waiting = bucket.take();
    bucket.close(new Error("shutting down"));
    await expect(waiting).rejects.toThrow("shutting down");
    await expect(bucket.take()).rejects.toThrow("shutting down");
  });
});
