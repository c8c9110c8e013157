import { describe, expect, it } from "vitest";
import { relaunchDelayMs } from "./requeue-refused-launch";

describe("relaunchDelayMs", () => {
  it("doubles from 1 s with every wait, up to 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(relaunchDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});
