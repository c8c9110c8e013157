import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { SHUTDOWN_MESSAGE, SIGNALS_READY_MESSAGE, workerShutdownSignals } from "./cluster-worker";

function fakeWorkerProcess() {
  const proc = new EventEmitter() as EventEmitter & { sent: unknown[]; send(message: unknown): boolean };
  proc.sent = [];
  proc.send = (message) => proc.sent.push(message) > 0;
  const signals = workerShutdownSignals(proc as unknown as NodeJS.Process);
  const emitted: string[] = [];
  signals.on("SIGTERM", () => emitted.push("SIGTERM"));
  signals.on("SIGINT", () => emitted.push("SIGINT"));
  return { proc, emitted };
}

describe("workerShutdownSignals", () => {
  it("tells the primary it listens, and turns the primary's message into a signal", () => {
    const { proc, emitted } = fakeWorkerProcess();
    expect(proc.sent).toEqual([{ type: SIGNALS_READY_MESSAGE }]);
    proc.emit("message", { type: "prom-client:getMetricsReq" });
    proc.emit("message", { type: SHUTDOWN_MESSAGE, signal: "SIGTERM" });
    expect(emitted).toEqual(["SIGTERM"]);
  });

  it("counts a group signal and the primary's message for it as one stop; a repeat from either source is the second", () => {
    const { proc, emitted } = fakeWorkerProcess();
    proc.emit("SIGINT");
    proc.emit("message", { type: SHUTDOWN_MESSAGE, signal: "SIGINT" });
    expect(emitted).toEqual(["SIGINT"]);
    proc.emit("message", { type: SHUTDOWN_MESSAGE, signal: "SIGINT" });
    expect(emitted).toEqual(["SIGINT", "SIGINT"]);
    proc.emit("SIGINT");
    expect(emitted).toEqual(["SIGINT", "SIGINT"]);
  });

  it("drains on a signal sent to the worker alone", () => {
    const { proc, emitted } = fakeWorkerProcess();
    proc.emit("SIGTERM");
    expect(emitted).toEqual(["SIGTERM"]);
  });
});
