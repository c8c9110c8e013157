import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalExecutor, executorKey, type ExecutorEvents, type LaunchRequest, type LogStreamName, type TaskOutcome } from "@updraft/executor";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createTryLogMasking } from "../secrets/try-log-masking";
import { waitUntil } from "@updraft/config/wait-until";

const logger = pino({ level: "silent" });
const SECRET = "hunter22-secret";
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** One scheduler's wiring of the executor events to the (masked) log store, as executorEventsToDatabase does. */
function scheduler(stored: { stream: LogStreamName; text: string }[]) {
  const masking = createTryLogMasking(async () => [SECRET], (_req, stream, text) => void stored.push({ stream, text }), logger);
  const exits: TaskOutcome[] = [];
  const events: ExecutorEvents = {
    onLog: (req, stream, text) => masking.append(req, stream, text),
    async onExit(req, outcome) {
      await masking.end(req);
      exits.push(outcome);
    },
    onDetach: (req) => masking.detach(req),
  };
  return { events, exits };
}

function gatedTask(go: string): LaunchRequest {
  const taskInstanceId = randomUUID();
  const script = `
    const fs = require("node:fs");
    process.stdout.write("connecting with password hunter");
    const wait = () => (fs.existsSync(process.argv[1]) ? process.stdout.write("22-secret, ok\\n") : setTimeout(wait, 20));
    wait();`;
  return {
    key: executorKey(taskInstanceId, 1),
    taskInstanceId,
    tryNumber: 1,
    tenantSlug: "acme",
    dagId: "etl",
    runId: "manual__1",
    taskId: "load",
    image: null,
    command: [process.execPath, "-e", script, go],
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

/** Waits for `check` as long as it takes (waitUntil). */
async function until(check: () => boolean): Promise<void> {
  await waitUntil(check, () => "the condition this test waits for", { pollMs: 20 });
}

describe("handing a running local task to the next scheduler", () => {
  it("masks a secret whose first part the stopping scheduler had already read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "updraft-handover-mask-"));
    dirs.push(dir);
    const stateDir = join(dir, "state");
    const go = join(dir, "go");
    const req = gatedTask(go);
    const stored: { stream: LogStreamName; text: string }[] = [];
    const stdout = () => stored.filter((s) => s.stream === "STDOUT").map((s) => s.text).join("");

    const first = scheduler(stored);
    const a = createLocalExecutor(first.events, { logger, stateDir });
    await a.launch(req);
    // The masker stores what cannot be the start of the secret and holds back "hunter".
    await until(() => stdout() === "connecting with password ");
    await a.detach();

    const second = scheduler(stored);
    const b = createLocalExecutor(second.events, { logger, stateDir, removeStateDirOnShutdown: true });
    await b.adopt();
    writeFileSync(go, "");
    await until(() => second.exits.length === 1);
    await b.shutdown();

    expect(second.exits).toEqual([{ kind: "success", exitCode: 0 }]);
    expect(stdout()).toBe("connecting with password ***, ok\n");
  });
});
