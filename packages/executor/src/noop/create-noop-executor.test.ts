import { describe, expect, it } from "vitest";
import type { LaunchRequest, TaskOutcome } from "../executor";
import { executorKey } from "@updraft/domain/executor-key";
import { createNoopExecutor } from "./create-noop-executor";

function request(tryNumber = 1): LaunchRequest {
  const taskInstanceId = "00000000-0000-4000-8000-000000000001";
  return {
    key: executorKey(taskInstanceId, tryNumber),
    taskInstanceId,
    tryNumber,
    tenantSlug: "demo",
    dagId: "bench",
    runId: "manual__1",
    taskId: "t1",
    image: null,
    command: ["definitely-not-run"],
    args: [],
    env: {},
    executionTimeoutSeconds: null,
    resources: { requests: {}, limits: {} },
    nodeSelector: {},
    tolerations: [],
    connectionIds: [],
    secretNames: [],
  };
}

function recorder() {
  const exits: { key: string; outcome: TaskOutcome }[] = [];
  const logs: string[] = [];
  let notify: (() => void) | undefined;
  return {
    exits,
    logs,
    nextExit: () => new Promise<void>((resolve) => (notify = resolve)),
    events: {
      onLog: (_req: LaunchRequest, _stream: string, text: string) => void logs.push(text),
      onExit: (req: LaunchRequest, outcome: TaskOutcome) => {
        exits.push({ key: req.key, outcome });
        notify?.();
      },
    },
  };
}

describe("createNoopExecutor", () => {
  it("completes every task successfully after durationMs, without output", async () => {
    const r = recorder();
    const executor = createNoopExecutor(r.events, { durationMs: 50 });
    const started = Date.now();
    const exited = r.nextExit();
    await expect(executor.launch(request())).resolves.toEqual({ adopted: false });
    expect(executor.runningKeys()).toEqual([request().key]);
    await exited;
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(r.exits).toEqual([{ key: request().key, outcome: { kind: "success", exitCode: 0 } }]);
    expect(r.logs).toEqual([]);
    expect(executor.runningKeys()).toEqual([]);
  });

  it("ignores a launch's connections and secrets (secretEnv): the task succeeds and nothing is logged", async () => {
    const r = recorder();
    const executor = createNoopExecutor(r.events);
    const exited = r.nextExit();
    await executor.launch({ ...request(), secretNames: ["api_token"], secretEnv: { API_TOKEN: "s3cret-token" } });
    await exited;
    expect(r.exits).toEqual([{ key: request().key, outcome: { kind: "success", exitCode: 0 } }]);
    expect(r.logs).toEqual([]);
  });

  it("adopts a key that is already running and reports it once", async () => {
    const r = recorder();
    const executor = createNoopExecutor(r.events);
    const exited = r.nextExit();
    await executor.launch(request());
    await expect(executor.launch(request())).resolves.toEqual({ adopted: true });
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.exits).toHaveLength(1);
  });

  it("kill and shutdown fail running tasks with the reason", async () => {
    const r = recorder();
    const executor = createNoopExecutor(r.events, { durationMs: 60_000 });
    await executor.launch(request(1));
    await executor.launch(request(2));
    await executor.kill(request(1).key, "marked failed by a user");
    await executor.shutdown();
    expect(r.exits).toEqual([
      { key: request(1).key, outcome: { kind: "failed", exitCode: null, reason: "marked failed by a user" } },
      {
        key: request(2).key,
        outcome: { kind: "failed", exitCode: null, reason: "the executor shut down while the task was running" },
      },
    ]);
    await expect(executor.launch(request(3))).rejects.toThrow(/shutting down/);
  });
});
