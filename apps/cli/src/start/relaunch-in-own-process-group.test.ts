import { spawn } from "node:child_process";
import { join } from "node:path";
import { waitUntil } from "@updraft/config/wait-until";
import { describe, expect, inject, it } from "vitest";
import "./fixtures/fixture-bundles-context";

/** fixtures/relaunch-fixture.ts, bundled for this test run (fixtures/fixture-bundles-global-setup.ts). */
const fixture = join(inject("updraftCliFixtureBundles"), "relaunch-fixture.mjs");

describe("relaunchInOwnProcessGroup", () => {
  it("moves `updraft start` out of the terminal's process group and relays Ctrl-C to it", async () => {
    // The outer process stands in for the terminal's foreground process group.
    const outer = spawn(process.execPath, [fixture, "start"], {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, UPDRAFT_START_OWN_PROCESS_GROUP: "" },
    });
    let output = "";
    outer.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = new Promise<number | null>((resolve) => outer.once("exit", (code) => resolve(code)));

    // As long as the inner process takes to start (the test's timeout guards against a hang); not at all if the outer one exits.
    let outerExited = false;
    void exitCode.then(() => (outerExited = true));
    await waitUntil(
      () => {
        if (/inner pid=\d+/.test(output)) return true;
        if (outerExited) throw new Error(`the outer process exited before the inner one started; output: ${output}`);
        return undefined;
      },
      () => `the inner process to start; output so far: ${output}`,
    );
    const [, innerPid, innerGroup, args] = /inner pid=(\d+) pgid=(\d+) args=(\S*)/.exec(output)!;
    expect(args).toBe("start");
    expect(Number(innerGroup)).toBe(Number(innerPid));
    expect(Number(innerGroup)).not.toBe(outer.pid);

    process.kill(-outer.pid!, "SIGINT"); // what a terminal does on Ctrl-C
    await expect(exitCode).resolves.toBe(7);
    expect(output).toContain("inner got SIGINT");
  });
});
