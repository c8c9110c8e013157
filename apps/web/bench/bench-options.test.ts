import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, parseBenchOptions } from "./bench-options";

describe("bench:web options", () => {
  it("defaults to 200 requests/s for 60 s over 20 connections on 1,000 DAGs", () => {
    expect(parseBenchOptions([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toMatchObject({ duration: 60, rate: 200, connections: 20, dags: 1000, build: false, profile: false, explain: false });
  });

  it("reads --name=value and --name value, and --quick shortens the load to 10 s", () => {
    expect(parseBenchOptions(["--rate=100", "--duration", "30", "--build"])).toMatchObject({ rate: 100, duration: 30, build: true });
    expect(parseBenchOptions(["--quick"]).duration).toBe(10);
    expect(parseBenchOptions(["--quick", "--duration=20"]).duration).toBe(20);
  });

  it("takes the npm_config_ variables npm sets for flags given without --", () => {
    expect(parseBenchOptions([], { npm_config_quick: "true", npm_config_rate: "50" })).toMatchObject({ duration: 10, rate: 50 });
  });

  it("refuses unknown options and bad numbers with the usage", () => {
    expect(() => parseBenchOptions(["--rps=5"])).toThrow(/unknown option --rps; usage: npm run bench:web/);
    expect(() => parseBenchOptions(["--rate=fast"])).toThrow('--rate must be a positive whole number, got "fast"');
    expect(() => parseBenchOptions(["--duration=0"])).toThrow(/--duration must be a positive whole number/);
  });

  it("paces evenly after a 10 s warm-up on one worker per CPU unless told otherwise", () => {
    expect(parseBenchOptions([])).toMatchObject({ pacing: "even", warmup: 10, workers: "auto", server: "bundle" });
    expect(parseBenchOptions(["--pacing=burst", "--warmup=0", "--workers=1"])).toMatchObject({ pacing: "burst", warmup: 0, workers: "1" });
    expect(() => parseBenchOptions(["--pacing=steady"])).toThrow('--pacing must be "even" or "burst", got "steady"');
    expect(() => parseBenchOptions(["--workers=many"])).toThrow('--workers must be "auto" or a whole number ≥ 1, got "many"');
  });
});
