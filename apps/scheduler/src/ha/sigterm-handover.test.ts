import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { executorKey } from "@updraft/executor";
import { afterAll, describe, expect, it } from "vitest";
import { waitUntilRegistered } from "../testing/scheduler-process";
import { createLaunchLogObserver, readLaunchLog } from "../instrumentation/launch-log";
import { handoverSchedulerEnv } from "../testing/handover-scheduler-env";
import { createLogDirKeptOnFailure } from "../testing/log-dir-kept-on-failure";
import { createSchedulerProcessSet } from "../testing/scheduler-process-set";
import { startBystanderScheduler, type BystanderScheduler } from "../testing/start-bystander-scheduler";
import { waitForRunToFinish } from "../testing/wait-for-run";
import { waitUntil } from "@updraft/config/wait-until";
import { uploadDag } from "./ha-fixtures";

const t = useTestDatabase();
const schedulers = createSchedulerProcessSet();
let bystander: BystanderScheduler | undefined;
const logs = createLogDirKeptOnFailure();

afterAll(async () => {
  await schedulers.stopAll();
  await bystander?.stop();
  // The schedulers' logs stay behind when the test failed (the error names the folder).
  await logs.removeIfPassed();
});

/**
 * Prints numbered lines (with characters of several UTF-8 lengths) to stdout and stderr, 100 ms apart, until the
 * file `release` exists, then a last line saying how many it printed.
 */
const gatedScript = (name: string, release: string) =>
  `i=0; while [ ! -e ${release} ]; do i=$((i+1)); echo "${name} ä€😀 line $i"; echo "${name} warning $i" >&2; sleep 0.1; done; echo "${name} done after $i lines"`;
function expectedOutput(name: string, stream: "STDOUT" | "STDERR", stdout: string): string {
  const count = Number(/done after (\d+) lines\n$/.exec(stdout)?.[1] ?? -1);
  if (count < 0) return `(no last line in ${JSON.stringify(stdout.slice(-200))})`;
  const lines = Array.from({ length: count }, (_, i) => (stream === "STDOUT" ? `${name} ä€😀 line ${i + 1}\n` : `${name} warning ${i + 1}\n`));
  return lines.join("") + (stream === "STDOUT" ? `${name} done after ${count} lines\n` : "");
}

/** Waits for `probe` as long as it takes (waitUntil); a hang names `what` and where the logs are. */
function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  return waitUntil(probe, () => `${what}; the schedulers' logs are in ${logs.path}`);
}

async function storedLog(taskInstanceId: string, stream: "STDOUT" | "STDERR" | "SYSTEM"): Promise<string> {
  const chunks = await t.db.taskLog.findMany({ where: { taskInstanceId, tryNumber: 1, stream }, orderBy: { id: "asc" } });
  return chunks.map((c) => c.content).join("");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2) !== "Z";
  } catch {
    return false;
  }
}

describe("SIGTERM to a scheduler with the local executor", () => {
  it("leaves its running tasks running; the next scheduler with the same id adopts them, nothing launched twice", async () => {
    const dir = await logs.create("updraft-sigterm-");
    const launchLog = join(dir, "launches.log");
    const release = join(dir, "release");
    const stateRoot = join(dir, "local-state");
    await writeFile(launchLog, "");
    const schedulerId = randomUUID();
    const stateDir = join(stateRoot, schedulerId);
    const tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
    const dag = await uploadDag(
      t.db,
      tenant.id,
      `
dag_id: handover
schedule: null
tasks:
  - task_id: extract
    command: [sh, -c, '${gatedScript("extract", release)}']
  - task_id: transform
    command: [sh, -c, '${gatedScript("transform", release)}']
  - task_id: load
    depends_on: [extract, transform]
    command: [sh, -c, 'echo loaded']
`,
    );

    const env = handoverSchedulerEnv({ databaseUrl: t.url, schedulerId, launchLog, executorEnv: { UPDRAFT_EXECUTOR: "local", UPDRAFT_LOCAL_STATE_DIR: stateRoot } });
    const startScheduler_ = () => schedulers.spawn(dir, env);

    const first = startScheduler_();
    await waitUntilRegistered(t.db, first);
    const { id: runId } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
    const slow = await waitFor("both slow tasks to run and store some output", async () => {
      const running = await t.db.taskInstance.findMany({ where: { dagRunId: runId, state: "RUNNING" } });
      if (running.length < 2) return undefined;
      const logs = await Promise.all(running.map((ti) => storedLog(ti.id, "STDOUT")));
      return logs.every((l) => l.includes("line 3\n")) ? running : undefined;
    });
    const taskPids = slow.map((ti) => {
      const record = JSON.parse(readFileSync(join(stateDir, executorKey(ti.id, 1), "task.json"), "utf8")) as { pid: number };
      return record.pid;
    });

    // Another replica reconciles all along: it must not take the stopped scheduler's tasks for zombies.
    const bystanderLaunches = createLaunchLogObserver(launchLog);
    bystander = await startBystanderScheduler({ databaseUrl: t.url, zombieAfterMs: 30_000, onLaunch: (l) => bystanderLaunches.onLaunch!(l) });

    await first.stop();
    await expect(first.exited).resolves.toEqual({ code: 0, signal: null });
    const stoppedAt = performance.timeOrigin + performance.now();
    // The tasks outlived their scheduler, and the replica is not marked stopped (its tasks are not orphans).
    expect(taskPids.filter(isAlive)).toEqual(taskPids);
    expect((await t.db.schedulerInstance.findUniqueOrThrow({ where: { id: schedulerId } })).stoppedAt).toBeNull();
    expect(readFileSync(first.logFile, "utf8")).toContain("leaving running tasks to the next start of this scheduler id");
    await waitFor("two reconcile passes of the other replica", () => bystander!.reconcilePassesSince(stoppedAt) >= 2);
    const stillRunning = await t.db.taskInstance.count({ where: { id: { in: slow.map((ti) => ti.id) }, state: "RUNNING" } });
    expect(stillRunning).toBe(2);

    const second = startScheduler_();
    await waitFor(
      "the second scheduler to adopt both tasks",
      async () => (await Promise.all(slow.map((ti) => storedLog(ti.id, "SYSTEM")))).every((l) => l.includes("Resumed following the task")),
    );
    expect(taskPids.filter(isAlive)).toEqual(taskPids);
    await writeFile(release, "");
    const run = await waitForRunToFinish(t.db, runId);
    expect(run.state).toBe("SUCCESS");
    await second.stop();
    await expect(second.exited).resolves.toEqual({ code: 0, signal: null });
    await bystander.stop();
    bystander = undefined;
    bystanderLaunches.close();

    // Every try was started exactly once (adopting an existing one is not a start), one try per task, none failed.
    const { launches } = readLaunchLog(launchLog);
    const starts = new Map<string, number>();
    for (const l of launches.filter((l) => !l.adopted)) starts.set(l.key, (starts.get(l.key) ?? 0) + 1);
    const tries = await t.db.taskTry.findMany({ where: { taskInstance: { dagRunId: runId } } });
    expect(tries.map((x) => `try ${x.tryNumber} ${x.state}`)).toEqual(["try 1 SUCCESS", "try 1 SUCCESS", "try 1 SUCCESS"]);
    expect([...starts.values()]).toEqual([1, 1, 1]);
    for (const tr of tries) expect(starts.get(executorKey(tr.taskInstanceId, tr.tryNumber))).toBe(1);

    // Each slow task's output is stored exactly once, in order, across the handover.
    for (const ti of slow) {
      const stdout = await storedLog(ti.id, "STDOUT");
      expect(stdout).toBe(expectedOutput(ti.taskId, "STDOUT", stdout));
      expect(await storedLog(ti.id, "STDERR")).toBe(expectedOutput(ti.taskId, "STDERR", stdout));
      const system = await storedLog(ti.id, "SYSTEM");
      expect(system.match(/Running: /g)).toHaveLength(1);
      expect(system).toMatch(/Resumed following the task \(supervisor pid \d+\) after a scheduler restart/);
      expect(system).toMatch(/Process exited with code 0 after/);
    }
    // The second scheduler ran its tasks to the end and left no state behind; without tasks left, it is marked stopped.
    expect(existsSync(stateDir) ? readdirSync(stateDir).filter((name) => name.startsWith("ti-")) : []).toEqual([]);
    expect((await t.db.schedulerInstance.findUniqueOrThrow({ where: { id: schedulerId } })).stoppedAt).not.toBeNull();
    logs.markPassed();
  });
});
