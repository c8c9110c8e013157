import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { Executor } from "../executor";
import { isAlive, recordExecutorEvents, taskRequest, waitUntilGone } from "../testing/record-executor-events";
import { createLocalExecutor } from "./create-local-executor";

const logger = pino({ level: "silent" });
const executors: Executor[] = [];

function setup(options: { killGraceMs?: number } = {}) {
  const recorder = recordExecutorEvents();
  const executor = createLocalExecutor(recorder.handlers, { logger, ...options });
  executors.push(executor);
  return { recorder, executor };
}

afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.shutdown()));
});

/** Pids a script printed, one per line, on stdout. */
function printedPids(text: string): number[] {
  return [...text.matchAll(/^(\d+)$/gm)].map((m) => Number(m[1]));
}

describe("local executor", () => {
  it("runs a command, captures all output in order, then reports success", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sh", "-c"], { args: ["echo 'hello world'; seq 1 20000"] });

    await expect(executor.launch(req)).resolves.toEqual({ adopted: false });
    expect(executor.runningKeys()).toEqual([req.key]);
    await expect(recorder.waitForExit(req.key)).resolves.toEqual({ kind: "success", exitCode: 0 });

    const numbers = Array.from({ length: 20000 }, (_, i) => String(i + 1)).join("\n");
    expect(recorder.output(req.key, "STDOUT")).toBe(`hello world\n${numbers}\n`);
    const system = recorder.output(req.key, "SYSTEM");
    expect(system).toMatch(/^Running: sh -c 'echo '\\''hello world'\\''; seq 1 20000'\n/);
    expect(system).toMatch(/Process exited with code 0 after \d+\.\d\ds\n$/);
    // onExit comes last: nothing is logged after it.
    expect(recorder.events.at(-1)?.type).toBe("exit");
    expect(executor.runningKeys()).toEqual([]);
  });

  it("fails the try with the exit code", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sh", "-c", "echo about to fail; exit 3"]);
    await executor.launch(req);
    await expect(recorder.waitForExit(req.key)).resolves.toEqual({
      kind: "failed",
      exitCode: 3,
      reason: "exit code 3",
    });
    expect(recorder.output(req.key, "SYSTEM")).toContain("Process exited with code 3 after");
  });

  it("keeps stderr separate from stdout", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sh", "-c", "echo to-out; echo to-err >&2; echo more-out"]);
    await executor.launch(req);
    await recorder.waitForExit(req.key);
    expect(recorder.output(req.key, "STDOUT")).toBe("to-out\nmore-out\n");
    expect(recorder.output(req.key, "STDERR")).toBe("to-err\n");
  });

  it("does not break multi-byte characters split across chunks", async () => {
    const { recorder, executor } = setup();
    const script = `
      const bytes = Buffer.from("héllo €uro 😀\\n");
      let i = 0;
      const next = () => { if (i < bytes.length) { process.stdout.write(bytes.subarray(i, i + 1)); i++; setTimeout(next, 2); } };
      next();`;
    const req = taskRequest([process.execPath, "-e", script]);
    await executor.launch(req);
    await recorder.waitForExit(req.key);
    const chunks = recorder.events.filter((e) => e.type === "log" && e.stream === "STDOUT");
    expect(chunks.length).toBeGreaterThan(3);
    expect(recorder.output(req.key, "STDOUT")).toBe("héllo €uro 😀\n");
    expect(recorder.output(req.key, "STDOUT")).not.toContain("\uFFFD");
  });

  it("explains a command that does not exist", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["updraft-no-such-command"]);
    await expect(executor.launch(req)).resolves.toEqual({ adopted: false });
    const reason =
      'command not found: "updraft-no-such-command" (the local executor runs commands on the host; check the task\'s command)';
    await expect(recorder.waitForExit(req.key)).resolves.toEqual({ kind: "failed", exitCode: null, reason });
    expect(recorder.output(req.key, "SYSTEM")).toContain(reason);
    expect(executor.runningKeys()).toEqual([]);
  });

  it("explains a command that is not executable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "updraft-exec-test-"));
    try {
      const script = join(dir, "job.sh");
      writeFileSync(script, "#!/bin/sh\necho hi\n");
      chmodSync(script, 0o644);
      const { recorder, executor } = setup();
      const req = taskRequest([script]);
      await executor.launch(req);
      const outcome = await recorder.waitForExit(req.key);
      expect(outcome).toEqual({
        kind: "failed",
        exitCode: null,
        reason: `permission denied: ${JSON.stringify(script)} is not executable (the local executor runs commands on the host; check the task's command)`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails a task without a command instead of starting anything", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest([], { image: "python:3.12" });
    await executor.launch(req);
    const outcome = await recorder.waitForExit(req.key);
    expect(outcome.kind).toBe("failed");
    expect(outcome.kind === "failed" && outcome.reason).toMatch(/has no command/);
  });

  it("rejects the launch (so it can be retried) when the host cannot create a working directory", async () => {
    const { executor } = setup();
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = "/nonexistent/updraft-tmp";
    try {
      const req = taskRequest(["true"]);
      await expect(executor.launch(req)).rejects.toThrow(/Could not create a working directory/);
      expect(executor.runningKeys()).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });

  it("kills the whole process group when execution_timeout is exceeded", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sh", "-c", "sleep 100 & echo $!; sleep 100"], { executionTimeoutSeconds: 1 });
    const started = Date.now();
    await executor.launch(req);
    const [grandchild] = await recorder.waitFor(() => {
      const pids = printedPids(recorder.output(req.key, "STDOUT"));
      return pids.length ? pids : undefined;
    });
    expect(isAlive(grandchild!)).toBe(true);

    const outcome = await recorder.waitForExit(req.key);
    expect(outcome).toEqual({ kind: "failed", exitCode: null, reason: "execution_timeout of 1s exceeded" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(recorder.output(req.key, "SYSTEM")).toContain("Killed: execution_timeout of 1s exceeded\n");
    expect(await waitUntilGone(grandchild!)).toBe(true);
  });

  it("sends SIGKILL after the grace period when the task ignores SIGTERM", async () => {
    const { recorder, executor } = setup({ killGraceMs: 300 });
    const req = taskRequest(["sh", "-c", "trap '' TERM; sleep 100 & echo $!; wait"], { executionTimeoutSeconds: 1 });
    const started = Date.now();
    await executor.launch(req);
    const [grandchild] = await recorder.waitFor(() => {
      const pids = printedPids(recorder.output(req.key, "STDOUT"));
      return pids.length ? pids : undefined;
    });
    const outcome = await recorder.waitForExit(req.key);
    expect(outcome).toEqual({ kind: "failed", exitCode: null, reason: "execution_timeout of 1s exceeded" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1250);
    expect(await waitUntilGone(grandchild!)).toBe(true);
  });

  it("kill(key, reason) stops the task and reports the reason", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sleep", "100"]);
    await executor.launch(req);
    await executor.kill(req.key, "marked failed by alice@example.com");
    expect(recorder.exits(req.key)).toEqual([
      { kind: "failed", exitCode: null, reason: "marked failed by alice@example.com" },
    ]);
    expect(executor.runningKeys()).toEqual([]);
    await expect(executor.kill(req.key, "again")).resolves.toBeUndefined();
  });

  it("stops background processes a successful task left behind", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sh", "-c", "sleep 100 & echo $!"]);
    await executor.launch(req);
    await expect(recorder.waitForExit(req.key)).resolves.toEqual({ kind: "success", exitCode: 0 });
    const [leftover] = printedPids(recorder.output(req.key, "STDOUT"));
    expect(await waitUntilGone(leftover!)).toBe(true);
  });

  it("adopts a key that is already running instead of starting a second process", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sh", "-c", "echo started; sleep 100"]);
    const [first, second] = await Promise.all([executor.launch(req), executor.launch(req)]);
    expect(first).toEqual({ adopted: false });
    expect(second).toEqual({ adopted: true });
    await expect(executor.launch(req)).resolves.toEqual({ adopted: true });
    expect(executor.runningKeys()).toEqual([req.key]);
    await recorder.waitFor(() => (recorder.output(req.key, "STDOUT") ? true : undefined));
    await executor.kill(req.key, "test over");
    expect(recorder.output(req.key, "SYSTEM").match(/Running:/g)).toHaveLength(1);
    expect(recorder.output(req.key, "STDOUT")).toBe("started\n");
    expect(recorder.exits(req.key)).toHaveLength(1);
  });

  it("never runs a try again once it finished (a late duplicate launch starts nothing)", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest(["sh", "-c", "echo ran"]);
    await executor.launch(req);
    await recorder.waitForExit(req.key);
    await expect(executor.launch(req)).resolves.toEqual({ adopted: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(recorder.output(req.key, "STDOUT")).toBe("ran\n");
    expect(recorder.exits(req.key)).toHaveLength(1);
  });

  it("shutdown kills every task and its children, and leaves no process behind", async () => {
    const { recorder, executor } = setup();
    const script = 'sleep 100 & echo $!; sleep 100 & echo $!; echo "$$"; wait';
    const reqs = [taskRequest(["sh", "-c", script]), taskRequest(["sh", "-c", script])];
    for (const req of reqs) await executor.launch(req);
    const pids = await recorder.waitFor(() => {
      const all = reqs.flatMap((req) => printedPids(recorder.output(req.key, "STDOUT")));
      return all.length === 6 ? all : undefined;
    });
    expect(pids.every(isAlive)).toBe(true);

    await executor.shutdown();

    expect(pids.filter(isAlive)).toEqual([]);
    expect(executor.runningKeys()).toEqual([]);
    for (const req of reqs) {
      expect(recorder.exits(req.key)).toEqual([
        { kind: "failed", exitCode: null, reason: "the executor shut down while the task was running" },
      ]);
    }
    await expect(executor.launch(taskRequest(["true"]))).rejects.toThrow(/shutting down/);
  });

  it("passes the task env and run context, but not the host's other variables", async () => {
    process.env.UPDRAFT_TEST_PRIVATE_SETTING = "do-not-leak";
    try {
      const { recorder, executor } = setup();
      const req = taskRequest([process.execPath, "-e", "console.log(JSON.stringify({ env: process.env, cwd: process.cwd() }))"], {
        env: { GREETING: "hej då", UPDRAFT_TRY_NUMBER: "spoofed" },
        tryNumber: 2,
      });
      await executor.launch(req);
      await recorder.waitForExit(req.key);
      const { env, cwd } = JSON.parse(recorder.output(req.key, "STDOUT")) as {
        env: Record<string, string>;
        cwd: string;
      };
      expect(env).toMatchObject({
        GREETING: "hej då",
        PATH: process.env.PATH,
        UPDRAFT_DAG_ID: "example_dag",
        UPDRAFT_TASK_ID: "say_hello",
        UPDRAFT_RUN_ID: "manual__2024-05-01T00:00:00+00:00",
        UPDRAFT_TRY_NUMBER: "2",
        AIRFLOW_CTX_DAG_ID: "example_dag",
        AIRFLOW_CTX_TASK_ID: "say_hello",
        AIRFLOW_CTX_DAG_RUN_ID: "manual__2024-05-01T00:00:00+00:00",
        AIRFLOW_CTX_TRY_NUMBER: "2",
      });
      expect(env.UPDRAFT_TEST_PRIVATE_SETTING).toBeUndefined();
      // Each try runs in its own temporary directory, removed after the process exits.
      expect(cwd.startsWith(tmpdir())).toBe(true);
      expect(cwd).toContain(req.key);
      await recorder.waitFor(() => (existsSync(cwd) ? undefined : true));
    } finally {
      delete process.env.UPDRAFT_TEST_PRIVATE_SETTING;
    }
  });

  it("gives the task its connections and secrets (secretEnv) without ever showing them in its log", async () => {
    const { recorder, executor } = setup();
    const req = taskRequest([process.execPath, "-e", "console.log(JSON.stringify(process.env))"], {
      env: { API_TOKEN: "plain value", GREETING: "hi" },
      secretEnv: {
        API_TOKEN: "s3cret-token",
        UPDRAFT_CONN_WAREHOUSE: "postgres://etl:pw@db:5432/dw",
        AIRFLOW_CONN_WAREHOUSE: "postgres://etl:pw@db:5432/dw",
        UPDRAFT_TRY_NUMBER: "spoofed",
      },
    });
    await executor.launch(req);
    await recorder.waitForExit(req.key);
    const env = JSON.parse(recorder.output(req.key, "STDOUT")) as Record<string, string>;
    expect(env).toMatchObject({
      GREETING: "hi",
      // A secret wins over a plain variable of the same name, like a Kubernetes secret reference.
      API_TOKEN: "s3cret-token",
      UPDRAFT_CONN_WAREHOUSE: "postgres://etl:pw@db:5432/dw",
      AIRFLOW_CONN_WAREHOUSE: "postgres://etl:pw@db:5432/dw",
      UPDRAFT_TRY_NUMBER: "1",
    });
    expect(recorder.output(req.key, "SYSTEM")).not.toContain("s3cret-token");
  });
});
