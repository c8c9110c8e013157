import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { TEST_SECRET_KEY } from "@updraft/platform";
import { executorKey } from "@updraft/executor";
import { waitUntil } from "@updraft/config/wait-until";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSchedulerProcess, waitUntilRegistered, type SchedulerProcess } from "../testing/scheduler-process";
import { readLaunchLog } from "../instrumentation/launch-log";
import { schedulerMain } from "../testing/scheduler-main";
import { chooseSeed, seededRandom } from "../testing/seeded-random";
import { createRuns, uploadDag, waitForRunsToFinish, type UploadedDag } from "./ha-fixtures";

const t = useTestDatabase();
const live = new Set<SchedulerProcess>();
let dir: string | undefined;

let passed = false;

afterAll(async () => {
  await Promise.all([...live].map((p) => p.stop()));
  // The replicas' logs stay behind when the test failed (the error names the folder).
  if (dir && passed) await rm(dir, { recursive: true, force: true });
});

const REPLICAS = 3;
/** The test counts kills, not seconds: exactly this many, one per wave, however long the replicas take to come up. */
const KILLS = 20;
const MIN_KILLS = KILLS;
const WAVES = KILLS;
const RUNS_PER_WAVE = 10;
/** The noop tasks' duration: each run is three of them in a row. */
const TASK_MS = 300;

// The kill moments and victims are random; the seed is printed, and UPDRAFT_CHAOS_SEED=<seed> replays its choices.
const random = seededRandom(chooseSeed(process.env.UPDRAFT_CHAOS_SEED));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("scheduler replicas killed with SIGKILL at random moments", () => {
  // The timeout only guards against a hang: every wait below is for a condition (a replica registered, a task running, runs finished).
  it("still finish 200 runs in their correct final state, never launching a try twice", { timeout: 900_000 }, async () => {
    console.log(`sigkill-replicas: chaos seed ${random.seed} (replay with UPDRAFT_CHAOS_SEED=${random.seed})`);
    dir = await mkdtemp(join(tmpdir(), "updraft-sigkill-"));
    const launchLog = join(dir, "launches.log");
    await writeFile(launchLog, "");
    const tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });

    // Every task gets retries: a try that was running on a killed replica is
    // failed as a zombie and retried as a new try.
    const succeeding: UploadedDag[] = [];
    for (let d = 0; d < 9; d++) {
      succeeding.push(
        await uploadDag(t.db, tenant.id, `
dag_id: chain_${d}
schedule: null
default_args: { retries: 10, retry_delay: 1 }
tasks:
  - { task_id: a, command: ["true"] }
  - { task_id: b, depends_on: [a], command: ["true"] }
  - { task_id: c, depends_on: [b], command: ["true"] }
`),
      );
    }
    const failing = await uploadDag(t.db, tenant.id, `
dag_id: broken
schedule: null
default_args: { retries: 1, retry_delay: 1 }
tasks:
  - { task_id: a, command: ["false"] }
  - { task_id: b, depends_on: [a], command: ["true"] }
`);

    let spawned = 0;
    const working = new Set<SchedulerProcess>();
    // A replica that exits before it registers (it was not killed: victims are registered ones) fails the test at once.
    let replicaFailure: Error | undefined;
    const failed = () => new Error(`${replicaFailure!.message}; chaos seed ${random.seed}; the replicas' logs are in ${dir}`);
    /** Polls `probe` until it holds, as long as that takes; stops at once when a replica failed to come up. */
    const until = (probe: () => boolean | Promise<boolean>, what: string) =>
      waitUntil(
        async () => {
          if (replicaFailure) throw failed();
          return await probe();
        },
        () => `${what}; chaos seed ${random.seed}; the replicas' logs are in ${dir}`,
        { pollMs: 50 },
      );
    const startReplica = () => {
      const proc = spawnSchedulerProcess({
        main: schedulerMain(),
        logFile: join(dir!, `replica-${++spawned}.log`),
        env: {
          DATABASE_URL: t.url,
          UPDRAFT_SECRET_KEY: TEST_SECRET_KEY,
          UPDRAFT_EXECUTOR: "noop",
          UPDRAFT_NOOP_DURATION_MS: String(TASK_MS),
          UPDRAFT_SCHEDULER_CONCURRENCY: "8",
          UPDRAFT_POLL_INTERVAL_MS: "200",
          UPDRAFT_HEARTBEAT_MS: "200",
          UPDRAFT_RECONCILE_MS: "500",
          UPDRAFT_ZOMBIE_AFTER_MS: "2000",
          UPDRAFT_LAUNCH_LOG: launchLog,
        },
      });
      live.add(proc);
      void proc.exited.then(() => {
        live.delete(proc);
        working.delete(proc);
      });
      // Victims are picked among replicas that have registered, i.e. that are taking jobs.
      waitUntilRegistered(t.db, proc).then(
        () => working.add(proc),
        (err: Error) => (replicaFailure ??= err),
      );
      return proc;
    };
    const first = Array.from({ length: REPLICAS }, startReplica);
    await Promise.all(first.map((p) => waitUntilRegistered(t.db, p)));

    // 200 runs arrive in 20 waves; while each wave is in flight, a random
    // working replica is SIGKILLed and a new one started.
    const runIds: string[] = [];
    const expected = new Map<string, "SUCCESS" | "FAILED">();
    const killStart = Date.now();
    let kills = 0;
    let killsWithRunsInFlight = 0;
    for (let w = 0; w < WAVES; w++) {
      // Keep at least one replica working while another dies: wait for the last kill's replacement to register.
      await until(() => working.size >= 2, "two working replicas");
      const wave = Array.from({ length: RUNS_PER_WAVE }, (_, i) => {
        const dag = i === 0 && w % 2 === 0 ? failing : succeeding[(w + i) % succeeding.length]!;
        return { dag, runId: `wave_${w}_${i}` };
      });
      const ids = await createRuns(t.db, wave);
      ids.forEach((id, i) => expected.set(id, wave[i]!.dag === failing ? "FAILED" : "SUCCESS"));
      runIds.push(...ids);

      // A random moment while this wave is in flight: once one of its tasks runs, within that task's
      // TASK_MS (each run is 3 tasks in a row, so none of the wave's runs can have finished by then).
      await until(async () => (await t.db.taskInstance.count({ where: { dagRunId: { in: ids }, state: "RUNNING" } })) > 0, "a task of the runs to run");
      await sleep(random.between(0, TASK_MS));
      const victim = random.pick([...working]);
      const inFlight = await t.db.dagRun.count({ where: { id: { in: runIds }, state: { in: ["QUEUED", "RUNNING"] } } });
      victim.kill();
      await victim.exited;
      kills++;
      if (inFlight > 0) killsWithRunsInFlight++;
      startReplica();
    }
    expect(runIds).toHaveLength(WAVES * RUNS_PER_WAVE);
    expect(kills).toBe(KILLS);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(killsWithRunsInFlight).toBe(kills);

    const killPhaseMs = Date.now() - killStart;
    await waitForRunsToFinish(t.db, runIds, { pollMs: 250 });
    const drainMs = Date.now() - killStart - killPhaseMs;
    // A replica started by the last kill may still be booting (no signal handler yet): let it finish first.
    const survivors = [...live];
    await Promise.all(survivors.map((p) => waitUntilRegistered(t.db, p)));
    await Promise.all(survivors.map((p) => p.stop()));

    // Every run reached the state its tasks call for.
    const runs = await t.db.dagRun.findMany({ where: { id: { in: runIds } }, select: { id: true, state: true } });
    const wrong = runs.filter((r) => r.state !== expected.get(r.id));
    expect(wrong).toEqual([]);
    expect([...expected.values()].filter((s) => s === "FAILED").length).toBe(WAVES / 2);

    // No try was ever launched twice, by any replica, dead or alive.
    const { launches } = readLaunchLog(launchLog);
    const perKey = new Map<string, number>();
    for (const l of launches) perKey.set(l.key, (perKey.get(l.key) ?? 0) + 1);
    expect([...perKey].filter(([, n]) => n > 1)).toEqual([]);

    // Every try that ran to an outcome of its own was launched exactly once.
    const tries = await t.db.taskTry.findMany({
      where: { taskInstance: { dagRunId: { in: runIds } } },
      select: { taskInstanceId: true, tryNumber: true, state: true, message: true },
    });
    for (const tr of tries.filter((x) => x.state === "SUCCESS" || x.message === "exit code 1")) {
      expect(perKey.get(executorKey(tr.taskInstanceId, tr.tryNumber)), `try ${tr.tryNumber} of ${tr.taskInstanceId}`).toBe(1);
    }
    // The kills did hit running work: some tries were failed as zombies and retried.
    const zombies = tries.filter((x) => x.message?.includes("stopped responding"));
    expect(zombies.length).toBeGreaterThan(0);
    console.log(
      `chaos seed ${random.seed}: ${kills} SIGKILLs in ${killPhaseMs} ms, then ${drainMs} ms until every run finished; ${spawned} replicas started, ` +
        `${launches.length} launches, ${tries.length} tries, ${zombies.length} zombie tries retried`,
    );

    // A graceful stop marks each replica stopped.
    const survivorRows = await t.db.schedulerInstance.findMany({ where: { pid: { in: survivors.map((p) => p.pid) } } });
    const unregistered = survivors.filter((p) => !survivorRows.some((r) => r.pid === p.pid));
    expect(unregistered.map((p) => readFileSync(p.logFile, "utf8").slice(-2000))).toEqual([]);
    const notStopped = survivors.filter((p) => survivorRows.some((r) => r.pid === p.pid && r.stoppedAt === null));
    expect(notStopped.map((p) => readFileSync(p.logFile, "utf8").slice(-3000))).toEqual([]);
    passed = true;
  });
});
