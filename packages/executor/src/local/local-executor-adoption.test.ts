import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { ExecutorEvents, LaunchRequest } from "../executor";
import { isAlive, recordExecutorEvents, taskRequest, waitUntilGone } from "../testing/record-executor-events";
import { createLocalExecutor, type LocalExecutor } from "./create-local-executor";

const logger = pino({ level: "silent" });
const executors: LocalExecutor[] = [];
const dirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** One "scheduler process": an executor on the shared state directory, recording what it reports. */
function start(stateDir: string, extra: Partial<Pick<ExecutorEvents, "storedLogLines" | "onDetach">> = {}) {
  const recorder = recordExecutorEvents();
  const executor = createLocalExecutor({ ...recorder.handlers, ...extra }, { logger, stateDir, killGraceMs: 500, removeStateDirOnShutdown: true });
  executors.push(executor);
  return { recorder, executor };
}

/**
 * A task that writes `before` (raw bytes, hex), waits until the file `go` exists, then writes `after` and exits
 * with `code`. Its pid is written to `<go>.pid`.
 */
function gatedTask(go: string, before: string, after: string, code = 0): LaunchRequest {
  const script = `
    const fs = require("node:fs");
    const [go, before, after, code] = process.argv.slice(1);
    fs.writeFileSync(go + ".pid", String(process.pid));
    process.stdout.write(Buffer.from(before, "hex"));
    const wait = () => {
      if (!fs.existsSync(go)) return setTimeout(wait, 20);
      process.stdout.write(Buffer.from(after, "hex"));
      process.stderr.write("done\\n");
      process.exitCode = Number(code);
    };
    wait();`;
  const hex = (text: string) => Buffer.from(text, "utf8").toString("hex");
  return taskRequest([process.execPath, "-e", script, go, hex(before), hex(after), String(code)]);
}

function splitBytes(text: string, at: number): [string, string] {
  const bytes = Buffer.from(text, "utf8");
  return [bytes.subarray(0, at).toString("latin1"), bytes.subarray(at).toString("latin1")];
}

describe("local executor: tasks outlive the executor", () => {
  it("leaves a running task running and the next executor on the same state directory adopts it, output exactly once", async () => {
    const stateDir = tempDir("updraft-state-");
    const go = join(tempDir("updraft-gate-"), "go");
    const req = gatedTask(go, "line 1\nline 2\n", "line 3\n");

    const first = start(stateDir);
    await first.executor.launch(req);
    await first.recorder.waitFor(() => (first.recorder.output(req.key, "STDOUT") === "line 1\nline 2\n" ? true : undefined));
    await expect(first.executor.detach()).resolves.toEqual([req.key]);
    expect(first.executor.runningKeys()).toEqual([]);
    const pid = Number(readFileSync(`${go}.pid`, "utf8"));
    expect(isAlive(pid)).toBe(true);
    await expect(first.executor.launch(req)).rejects.toThrow(/shutting down/);

    const second = start(stateDir);
    await second.executor.adopt();
    expect(second.executor.runningKeys()).toEqual([req.key]);
    writeFileSync(go, "");
    await expect(second.recorder.waitForExit(req.key)).resolves.toEqual({ kind: "success", exitCode: 0 });

    expect(first.recorder.exits(req.key)).toEqual([]);
    expect(second.recorder.output(req.key, "STDOUT")).toBe("line 3\n");
    expect(second.recorder.output(req.key, "STDERR")).toBe("done\n");
    expect(second.recorder.output(req.key, "SYSTEM")).toMatch(/^Resumed following the task \(supervisor pid \d+\) after a scheduler restart\n/);
    expect(second.recorder.output(req.key, "SYSTEM")).toMatch(/Process exited with code 0 after \d+\.\d\ds\n$/);
    // A late duplicate launch of the same try starts nothing.
    await expect(second.executor.launch(req)).resolves.toEqual({ adopted: true });
    await second.recorder.waitFor(() => (existsSync(join(stateDir, req.key)) ? undefined : true));
  });

  it("reports a task that ended while no executor followed it, with the output it wrote meanwhile", async () => {
    const stateDir = tempDir("updraft-state-");
    const go = join(tempDir("updraft-gate-"), "go");
    const req = gatedTask(go, "before\n", "after\n", 4);

    const first = start(stateDir);
    await first.executor.launch(req);
    await first.recorder.waitFor(() => (first.recorder.output(req.key, "STDOUT") === "before\n" ? true : undefined));
    await first.executor.detach();
    const pid = Number(readFileSync(`${go}.pid`, "utf8"));
    writeFileSync(go, "");
    expect(await waitUntilGone(pid)).toBe(true);
    await first.recorder.waitFor(() => (existsSync(join(stateDir, req.key, "exit.json")) ? true : undefined));

    const second = start(stateDir);
    await expect(second.recorder.waitForExit(req.key)).resolves.toEqual({ kind: "failed", exitCode: 4, reason: "exit code 4" });
    expect(second.recorder.output(req.key, "STDOUT")).toBe("after\n");
    expect(second.recorder.output(req.key, "SYSTEM")).toContain("The task ended while no scheduler followed it");
    expect(second.recorder.exits(req.key)).toHaveLength(1);
  });

  it("fails the try when the task's supervisor died, and stops the task", async () => {
    const stateDir = tempDir("updraft-state-");
    const go = join(tempDir("updraft-gate-"), "go");
    const req = gatedTask(go, "started\n", "never\n");

    const first = start(stateDir);
    await first.executor.launch(req);
    await first.recorder.waitFor(() => (first.recorder.output(req.key, "STDOUT") ? true : undefined));
    await first.executor.detach();
    const supervisor = (JSON.parse(readFileSync(join(stateDir, req.key, "supervisor.json"), "utf8")) as { pid: number }).pid;
    const pid = Number(readFileSync(`${go}.pid`, "utf8"));
    process.kill(supervisor, "SIGKILL");
    expect(await waitUntilGone(supervisor)).toBe(true);

    const second = start(stateDir);
    const outcome = await second.recorder.waitForExit(req.key);
    expect(outcome).toMatchObject({ kind: "failed", exitCode: null });
    expect(outcome.kind === "failed" && outcome.reason).toMatch(/supervisor died/);
    expect(second.recorder.output(req.key, "STDOUT")).toBe("");
    expect(await waitUntilGone(pid)).toBe(true);
  });

  it("neither repeats nor loses output across a handover, also inside a character split between writes", async () => {
    const stateDir = tempDir("updraft-state-");
    const go = join(tempDir("updraft-gate-"), "go");
    const text = "héllo\nwörld €uro 😀\n";
    // Cut inside the 4-byte emoji: the first executor may only deliver up to the character before it.
    const cut = Buffer.from(text).indexOf(Buffer.from("😀")) + 2;
    const [before, after] = splitBytes(text, cut);
    const req = gatedTask(go, "", "");
    const hexArgs = [Buffer.from(before, "latin1").toString("hex"), Buffer.from(after, "latin1").toString("hex")];
    req.args = [];
    req.command = [...req.command.slice(0, 4), ...hexArgs, "0"];

    const first = start(stateDir);
    await first.executor.launch(req);
    await first.recorder.waitFor(() => (first.recorder.output(req.key, "STDOUT") === "héllo\nwörld €uro " ? true : undefined));
    await first.executor.detach();

    const second = start(stateDir);
    await second.executor.adopt();
    writeFileSync(go, "");
    await second.recorder.waitForExit(req.key);
    const combined = first.recorder.output(req.key, "STDOUT") + second.recorder.output(req.key, "STDOUT");
    expect(combined).toBe(text);
    expect(combined).not.toContain("\uFFFD");
  });

  it("gives text the consumer had not stored at the handover (onDetach) to the next executor", async () => {
    const stateDir = tempDir("updraft-state-");
    const go = join(tempDir("updraft-gate-"), "go");
    const req = gatedTask(go, "stored\nheld ké", "y\n");

    const first = start(stateDir, { onDetach: async () => ({ STDOUT: "held ké" }) });
    await first.executor.launch(req);
    await first.recorder.waitFor(() => (first.recorder.output(req.key, "STDOUT") === "stored\nheld ké" ? true : undefined));
    await first.executor.detach();

    const second = start(stateDir);
    await second.executor.adopt();
    writeFileSync(go, "");
    await second.recorder.waitForExit(req.key);
    expect(second.recorder.output(req.key, "STDOUT")).toBe("held kéy\n");
  });

  it("starts nothing for a late duplicate launch of a try an earlier executor on the directory reported", async () => {
    const stateDir = tempDir("updraft-state-");
    const req = taskRequest(["sh", "-c", "echo ran"]);
    const first = start(stateDir);
    await first.executor.launch(req);
    await first.recorder.waitForExit(req.key);
    await first.executor.detach();

    const second = start(stateDir);
    await expect(second.executor.launch(req)).resolves.toEqual({ adopted: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(second.recorder.events).toEqual([]);
  });

  it("after a crash (no record of what was stored) skips the STDOUT lines already stored", async () => {
    const stateDir = tempDir("updraft-state-");
    const go = join(tempDir("updraft-gate-"), "go");
    const req = gatedTask(go, "a\nb\nc\n", "d\n");

    const first = start(stateDir);
    await first.executor.launch(req);
    await first.recorder.waitFor(() => (first.recorder.output(req.key, "STDOUT") === "a\nb\nc\n" ? true : undefined));
    await first.executor.detach();
    rmSync(join(stateDir, req.key, "delivered.json")); // as if the process had been killed: nothing recorded

    const second = start(stateDir, { storedLogLines: async () => 2 });
    await second.executor.adopt();
    writeFileSync(go, "");
    await second.recorder.waitForExit(req.key);
    expect(second.recorder.output(req.key, "STDOUT")).toBe("c\nd\n");
  });

  it("kills an adopted task with the reason, and shutdown() without leaving stops what was adopted", async () => {
    const stateDir = tempDir("updraft-state-");
    const gates = tempDir("updraft-gate-");
    const reqs = [gatedTask(join(gates, "go1"), "one\n", ""), gatedTask(join(gates, "go2"), "two\n", "")];

    const first = start(stateDir);
    for (const req of reqs) await first.executor.launch(req);
    await first.recorder.waitFor(() => (reqs.every((req) => first.recorder.output(req.key, "STDOUT")) ? true : undefined));
    await first.executor.detach();
    const pids = ["go1", "go2"].map((name) => Number(readFileSync(join(gates, `${name}.pid`), "utf8")));

    const second = start(stateDir);
    await second.executor.adopt();
    await second.executor.kill(reqs[0]!.key, "marked failed by alice@example.com");
    expect(second.recorder.exits(reqs[0]!.key)).toEqual([{ kind: "failed", exitCode: null, reason: "marked failed by alice@example.com" }]);
    await second.executor.shutdown();
    expect(second.recorder.exits(reqs[1]!.key)).toEqual([
      { kind: "failed", exitCode: null, reason: "the executor shut down while the task was running" },
    ]);
    for (const pid of pids) expect(await waitUntilGone(pid)).toBe(true);
    expect(existsSync(stateDir)).toBe(false);
  });
});
