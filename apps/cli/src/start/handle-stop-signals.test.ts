import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { handleStopSignals } from "./handle-stop-signals";

describe("handleStopSignals", () => {
  it("stops gracefully first, forces on a second Ctrl-C, ignores relayed duplicates", () => {
    const target = new EventEmitter();
    let clock = 1000;
    const calls: string[] = [];
    const dispose = handleStopSignals(
      target,
      {
        graceful: (s) => calls.push(`graceful ${s}`),
        force: (s) => calls.push(`force ${s}`),
        abandon: (s) => calls.push(`abandon ${s}`),
      },
      { now: () => clock },
    );

    target.emit("SIGINT", "SIGINT");
    clock += 30;
    target.emit("SIGINT", "SIGINT"); // the same key press, relayed by npm/tsx
    expect(calls).toEqual(["graceful SIGINT"]);

    clock += 2000;
    target.emit("SIGINT", "SIGINT");
    clock += 2000;
    target.emit("SIGTERM", "SIGTERM");
    expect(calls).toEqual(["graceful SIGINT", "force SIGINT", "abandon SIGTERM"]);

    dispose();
    expect(target.listenerCount("SIGINT")).toBe(0);
    expect(target.listenerCount("SIGHUP")).toBe(0);
  });
});
