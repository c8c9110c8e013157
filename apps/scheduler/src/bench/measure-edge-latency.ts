import { join } from "node:path";
import { executorKey } from "@updraft/executor";
import type { ExecutorName } from "../create-executor";
import { createRuns, uploadDag, waitForRunsToFinish } from "../ha/ha-fixtures";
import { readLaunchLog } from "../instrumentation/launch-log";
import { chainDag } from "./bench-dags";
import { freshDatabase, startSchedulers, type BenchEnvironment } from "./bench-environment";
import { distribution, type Distribution } from "./percentiles";

export interface EdgeLatency {
  executor: ExecutorName;
  runs: number;
  edges: number;
  inFlight: number;
  /** Upstream success committed (its task_event job returned) → downstream executor.launch() called. */
  commitToLaunch: Distribution;
  /** The first part of it: commit → the downstream's launch_task job starts (queue hand-off). */
  handOff: Distribution;
  /** The second part: launch_task job start → executor.launch() (claiming and rendering the try). */
  claim: Distribution;
  /** What a user sees: the upstream process exited (executor's onExit) → downstream launch (ms resolution). */
  exitToLaunch: Distribution;
  /** How long the upstream's task_event job (recording the outcome, advancing the run, admission) took. */
  recordOutcome: Distribution;
  /** Upstream process exit → its task_event job starts (storing the last log lines, enqueuing the event, hand-off); ms clock. */
  exitToEvent: Distribution;
  /** Upstream executor.launch() called → its process exited (the executor's own time: spawn, run, exit); ms clock. */
  launchToExit: Distribution;
}

/**
 * Runs `runs` chains of `length` tasks on one scheduler process, `inFlight`
 * runs at a time (after an untimed warm-up run), and measures every dependency edge from the scheduler's
 * own clock: the launch log has when each task_event job returned and when
 * each launch was called.
 */
export async function measureEdgeLatency(
  env: BenchEnvironment,
  options: { executor: ExecutorName; runs: number; length: number; inFlight: number },
): Promise<EdgeLatency> {
  const database = await freshDatabase(env);
  try {
    const dag = await uploadDag(database.db, database.tenantId, chainDag("latency_chain", options.length, options.inFlight * 2));
    const launchLog = join(env.dir, `latency-${options.executor}.log`);
    const [scheduler] = await startSchedulers(env, database, { count: 1, executor: options.executor, launchLog });
    const runIds: string[] = [];
    try {
      // One untimed run warms the scheduler up (JIT, caches).
      await waitForRunsToFinish(database.db, await createRuns(database.db, [{ dag, runId: "latency__warm_up" }]), { timeoutMs: 60_000, pollMs: 10 });
      for (let done = 0; done < options.runs; done += options.inFlight) {
        const batch = Array.from({ length: Math.min(options.inFlight, options.runs - done) }, (_, i) => ({
          dag,
          runId: `latency__${done + i}`,
        }));
        const ids = await createRuns(database.db, batch);
        await waitForRunsToFinish(database.db, ids, { timeoutMs: 120_000, pollMs: 10 });
        runIds.push(...ids);
      }
    } finally {
      await scheduler!.stop();
    }

    const failed = await database.db.dagRun.count({ where: { id: { in: runIds }, state: { not: "SUCCESS" } } });
    if (failed > 0) throw new Error(`${failed} latency runs did not succeed; see the scheduler logs in ${env.dir}`);
    const log = readLaunchLog(launchLog);
    const launchAt = new Map(log.launches.map((l) => [l.key, l.calledAt]));
    const jobs = (name: string) => new Map(log.jobs.filter((j) => j.name === name && j.ok).map((j) => [j.subject, j]));
    const taskEvents = jobs("task_event");
    const launchJobs = jobs("launch_task");
    const instances = await database.db.taskInstance.findMany({
      where: { dagRunId: { in: runIds } },
      select: { id: true, dagRunId: true, taskId: true, tries: { select: { tryNumber: true, endedAt: true } } },
    });
    const byRun = new Map<string, Map<string, (typeof instances)[number]>>();
    for (const ti of instances) {
      const tasks = byRun.get(ti.dagRunId) ?? new Map();
      tasks.set(ti.taskId, ti);
      byRun.set(ti.dagRunId, tasks);
    }

    const commitToLaunch: number[] = [];
    const handOff: number[] = [];
    const claim: number[] = [];
    const exitToLaunch: number[] = [];
    const recordOutcome: number[] = [];
    const exitToEvent: number[] = [];
    const launchToExit: number[] = [];
    for (const tasks of byRun.values()) {
      for (let k = 0; k + 1 < options.length; k++) {
        const up = tasks.get(`t${k}`);
        const down = tasks.get(`t${k + 1}`);
        if (!up || !down) continue;
        const recorded = taskEvents.get(`${up.id}:1`);
        const launchJob = launchJobs.get(`${down.id}:1`);
        const launched = launchAt.get(executorKey(down.id, 1));
        if (!recorded || !launchJob || launched === undefined) throw new Error(`edge t${k} → t${k + 1} was not observed`);
        commitToLaunch.push(launched - recorded.endedAt);
        handOff.push(launchJob.startedAt - recorded.endedAt);
        claim.push(launched - launchJob.startedAt);
        recordOutcome.push(recorded.endedAt - recorded.startedAt);
        const exitedAt = up.tries.find((t) => t.tryNumber === 1)?.endedAt?.getTime();
        const upLaunched = launchAt.get(executorKey(up.id, 1));
        if (exitedAt !== undefined) {
          exitToLaunch.push(launched - exitedAt);
          exitToEvent.push(recorded.startedAt - exitedAt);
          if (upLaunched !== undefined) launchToExit.push(exitedAt - upLaunched);
        }
      }
    }
    return {
      executor: options.executor,
      runs: options.runs,
      edges: commitToLaunch.length,
      inFlight: options.inFlight,
      commitToLaunch: distribution(commitToLaunch),
      handOff: distribution(handOff),
      claim: distribution(claim),
      exitToLaunch: distribution(exitToLaunch),
      recordOutcome: distribution(recordOutcome),
      exitToEvent: distribution(exitToEvent),
      launchToExit: distribution(launchToExit),
    };
  } finally {
    await database.close();
  }
}
