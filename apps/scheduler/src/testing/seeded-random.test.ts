import { describe, expect, it } from "vitest";
import { chooseSeed, seededRandom } from "./seeded-random";

describe("seededRandom", () => {
  it("gives the same sequence for the same seed, a different one for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("stays in range", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const x = random.between(100, 600);
      expect(x).toBeGreaterThanOrEqual(100);
      expect(x).toBeLessThan(600);
      expect(["a", "b", "c"]).toContain(random.pick(["a", "b", "c"]));
    }
  });
});

describe("chooseSeed", () => {
  it("takes a given seed, rejects a malformed one, and draws one otherwise", () => {
    expect(chooseSeed("123")).toBe(123);
    expect(() => chooseSeed("-1")).toThrow(/integer/);
    expect(() => chooseSeed("abc")).toThrow(/integer/);
    const drawn = chooseSeed(undefined);
    expect(Number.isInteger(drawn) && drawn >= 0 && drawn <= 0xffffffff).toBe(true);
  });
});
