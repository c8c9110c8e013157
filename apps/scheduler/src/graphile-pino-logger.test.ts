import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { graphileLoggerFor } from "./graphile-pino-logger";

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}

describe("graphile-worker's log lines", () => {
  it("go through the scheduler's pino logger at its LOG_LEVEL, with graphile-worker's scope as fields", () => {
    const warn = capture("warn");
    const atWarn = graphileLoggerFor(warn.logger.child({ component: "graphile-worker" })).scope({ workerId: "w1" });
    atWarn.info("Completed task 1 (tick, 2ms)");
    atWarn.debug("polling");
    atWarn.warn("Failed task 2 (launch_task, 3ms) with error boom", { failure: true });
    atWarn.error("worker pool failed");
    expect(warn.lines.map((l) => [l.level, l.msg, l.component, l.workerId])).toEqual([
      [40, "Failed task 2 (launch_task, 3ms) with error boom", "graphile-worker", "w1"],
      [50, "worker pool failed", "graphile-worker", "w1"],
    ]);

    const debug = capture("debug");
    graphileLoggerFor(debug.logger).info("Completed task 1 (tick, 2ms)");
    expect(debug.lines.map((l) => [l.level, l.msg])).toEqual([[20, "Completed task 1 (tick, 2ms)"]]);
  });
});
