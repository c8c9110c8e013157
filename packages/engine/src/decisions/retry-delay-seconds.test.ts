import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_EXPONENTIAL_RETRY_DELAY_SECONDS, retryDelaySeconds, retrySeed } from "./retry-delay-seconds";

const fixed = { retry_delay: 300, retry_exponential_backoff: false, max_retry_delay: null };
const exponential = { retry_delay: 10, retry_exponential_backoff: true, max_retry_delay: null };
const seed = (tryNumber: number) => retrySeed("etl", "load", new Date("2025-01-01T00:00:00Z"), tryNumber);

describe("retryDelaySeconds (Airflow's formula)", () => {
  it("waits retry_delay between tries without exponential backoff", () => {
    expect(retryDelaySeconds(fixed, 1, seed(1))).toBe(300);
    expect(retryDelaySeconds(fixed, 5, seed(5))).toBe(300);
  });

  it("doubles the minimum per try and adds a jitter below that minimum", () => {
    for (let tryNumber = 1; tryNumber <= 8; tryNumber++) {
      const min = 10 * 2 ** (tryNumber - 1);
      const delay = retryDelaySeconds(exponential, tryNumber, seed(tryNumber));
      expect(delay).toBeGreaterThanOrEqual(min);
      expect(delay).toBeLessThan(2 * min);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });

  it("computes the jitter as sha1(seed) mod min_backoff, like Airflow", () => {
    const s = seed(3);
    const hash = BigInt(`0x${createHash("sha1").update(s).digest("hex")}`);
    expect(retryDelaySeconds(exponential, 3, s)).toBe(40 + Number(hash % 40n));
  });

  it("is deterministic for one try and differs between tasks", () => {
    const a = retryDelaySeconds(exponential, 4, seed(4));
    expect(retryDelaySeconds(exponential, 4, seed(4))).toBe(a);
    const delays = new Set(
      Array.from({ length: 20 }, (_, i) =>
        retryDelaySeconds(exponential, 4, retrySeed("etl", `task_${i}`, new Date("2025-01-01T00:00:00Z"), 4)),
      ),
    );
    expect(delays.size).toBeGreaterThan(1);
  });

  it("caps the delay at max_retry_delay", () => {
    const capped = { ...exponential, max_retry_delay: 60 };
    expect(retryDelaySeconds(capped, 1, seed(1))).toBeLessThan(20);
    expect(retryDelaySeconds(capped, 5, seed(5))).toBe(60);
    expect(retryDelaySeconds(capped, 40, seed(40))).toBe(60);
    expect(retryDelaySeconds({ ...fixed, max_retry_delay: 120 }, 1, seed(1))).toBe(120);
  });

  it("never exceeds one day with exponential backoff, even after many tries", () => {
    expect(retryDelaySeconds(exponential, 200, seed(200))).toBe(MAX_EXPONENTIAL_RETRY_DELAY_SECONDS);
    expect(retryDelaySeconds(exponential, 2000, seed(2000))).toBe(MAX_EXPONENTIAL_RETRY_DELAY_SECONDS);
  });

  it("rounds a sub-second minimum up to one second", () => {
    const quick = { retry_delay: 0, retry_exponential_backoff: true, max_retry_delay: null };
    expect(retryDelaySeconds(quick, 1, seed(1))).toBe(1);
    const half = { retry_delay: 0.4, retry_exponential_backoff: true, max_retry_delay: null };
    expect(retryDelaySeconds(half, 1, seed(1))).toBe(1);
  });

  it("builds Airflow's seed from dag, task, logical date and try", () => {
    expect(seed(2)).toBe("etl#load#2025-01-01T00:00:00.000Z#2");
  });
});
