import pino from "pino";
import type { JobObservation, SchedulerObserver } from "../instrumentation/scheduler-observer";
import { startScheduler } from "../start-scheduler";
import { TEST_KEYRING } from "./test-keyring";

export interface BystanderScheduler {
  /** How many reconcile jobs it has started since `at` (a `performance.timeOrigin + performance.now()` time). */
  reconcilePassesSince(at: number): number;
  stop(): Promise<void>;
}

/**
 * Starts an in-process replica with the noop executor that reconciles every 100 ms and records the jobs it runs:
 * the other replica that looks on while a scheduler stops, and must not take its running tasks for zombies.
 */
export async function startBystanderScheduler(options: {
  databaseUrl: string;
  zombieAfterMs: number;
  onLaunch?: SchedulerObserver["onLaunch"];
}): Promise<BystanderScheduler> {
  const jobs: JobObservation[] = [];
  const scheduler = await startScheduler({
    keyring: TEST_KEYRING,
    databaseUrl: options.databaseUrl,
    executor: "noop",
    pollIntervalMs: 100,
    heartbeatIntervalMs: 200,
    reconcileIntervalMs: 100,
    zombieAfterMs: options.zombieAfterMs,
    observer: { ...(options.onLaunch && { onLaunch: options.onLaunch }), onJob: (job) => void jobs.push(job) },
    logger: pino({ level: "silent" }),
  });
  return {
    reconcilePassesSince: (at) => jobs.filter((j) => j.name === "reconcile" && j.startedAt > at).length,
    stop: () => scheduler.stop(),
  };
}
