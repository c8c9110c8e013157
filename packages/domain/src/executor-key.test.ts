import { describe, expect, it } from "vitest";
import { executorKey, parseExecutorKey } from "./executor-key";

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

describe("executorKey", () => {
  it("is deterministic and names the try", () => {
    const id = "3F2A9C0E-5B7D-4E1F-8A6B-2C9D0E1F2A3B";
    expect(executorKey(id, 2)).toBe("ti-3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b-t2");
    expect(executorKey(id, 2)).toBe(executorKey(id, 2));
  });

  it("differs per task instance and per try, even when UUIDs share a prefix", () => {
    const a = "3f2a9c0e-5b7d-4e1f-8a6b-2c9d0e1f2a3b";
    const b = "3f2a9c0e-5b7d-4e1f-8a6b-2c9d0e1f2a3c";
    const keys = new Set([executorKey(a, 1), executorKey(a, 2), executorKey(b, 1), executorKey(b, 2)]);
    expect(keys.size).toBe(4);
  });

  it("is a valid DNS label for UUIDs, odd ids and huge try numbers", () => {
    for (const id of ["3f2a9c0e-5b7d-4e1f-8a6b-2c9d0e1f2a3b", "Not A UUID / ünïcode", ""]) {
      for (const tryNumber of [0, 1, 42, Number.MAX_SAFE_INTEGER]) {
        const key = executorKey(id, tryNumber);
        expect(key).toMatch(DNS_LABEL);
        expect(key.length).toBeLessThanOrEqual(63);
      }
    }
    expect(executorKey("x", 1)).not.toBe(executorKey("y", 1));
  });

  it("rejects a try number that is not a non-negative integer", () => {
    expect(() => executorKey("a", -1)).toThrow(/non-negative integer/);
    expect(() => executorKey("a", 1.5)).toThrow(/non-negative integer/);
  });

  it("reads back the task instance and try it names (round trip), and nothing from other text", () => {
    const id = "3f2a9c0e-5b7d-4e1f-8a6b-2c9d0e1f2a3b";
    for (const tryNumber of [0, 1, 42, 2_147_483_647, Number.MAX_SAFE_INTEGER]) {
      expect(parseExecutorKey(executorKey(id, tryNumber))).toEqual({ taskInstanceId: id, tryNumber });
    }
    expect(parseExecutorKey(executorKey("3F2A9C0E-5B7D-4E1F-8A6B-2C9D0E1F2A3B", 2))).toEqual({ taskInstanceId: id, tryNumber: 2 });
    expect(parseExecutorKey(`ti-${"0".repeat(32)}-t${Number.MAX_SAFE_INTEGER + 1}`)).toBeUndefined();
    for (const other of ["some-pod", "ti-abc-t1", `ti-${"a".repeat(32)}-t`, `ti-${"A".repeat(32)}-t1`, `ti-${"a".repeat(32)}-t1-x`]) {
      expect(parseExecutorKey(other)).toBeUndefined();
    }
  });
});
