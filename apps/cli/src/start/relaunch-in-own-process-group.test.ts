import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const fixture = join(import.meta.dirname, "fixtures", "relaunch-fixture.ts");

describe("relaunchInOwnProcessGroup", () => {
  it("moves `updraft start` out of the terminal's process group and relays Ctrl-C to it", async () => {
    // The outer process stands in for the terminal's foreground process group.
    const outer = spawn(process.execPath, ["--import", tsxLoader, fixture, "start"], {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, UPDRAFT_START_OWN_PROCESS_GROUP: "" },
    });
    let output = "";
    outer.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = new Promise<number | null>((resolve) => outer.once("exit", (code) => resolve(code)));

    const deadline = Date.now() + 20_000;
    while (!/inner pid=\d+/.test(output)) {
      if (Date.now() > deadline) throw new Error(`inner process never started; output: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [, innerPid, innerGroup, args] = /inner pid=(\d+) pgid=(\d+) args=(\S*)/.exec(output)!;
    expect(args).toBe("start");
    expect(Number(innerGroup)).toBe(Number(innerPid));
    expect(Number(innerGroup)).not.toBe(outer.pid);

    process.kill(-outer.pid!, "SIGINT"); // what a terminal does on Ctrl-C
    await expect(exitCode).resolves.toBe(7);
    expect(output).toContain("inner got SIGINT");
  });
});
