import { TEST_SECRET_KEY } from "@updraft/platform";

export interface HandoverSchedulerEnvOptions {
  databaseUrl: string;
  /** The id each start reuses: the next start adopts what the last one left running. */
  schedulerId: string;
  /** UPDRAFT_LAUNCH_LOG: where every replica appends its launches. */
  launchLog: string;
  /** The executor's settings (UPDRAFT_EXECUTOR and what it needs). */
  executorEnv: Record<string, string>;
}

/**
 * The environment of a scheduler process in a SIGTERM handover test: a fixed scheduler id, fast polling, heartbeat
 * and reconcile, and a zombie timeout long enough that no replica takes a restarting one's tasks for zombies.
 */
export function handoverSchedulerEnv(options: HandoverSchedulerEnvOptions): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    UPDRAFT_SECRET_KEY: TEST_SECRET_KEY,
    ...options.executorEnv,
    UPDRAFT_SCHEDULER_ID: options.schedulerId,
    UPDRAFT_LAUNCH_LOG: options.launchLog,
    UPDRAFT_METRICS_PORT: "0",
    UPDRAFT_TICK_SECONDS: "1",
    UPDRAFT_POLL_INTERVAL_MS: "100",
    UPDRAFT_HEARTBEAT_MS: "200",
    UPDRAFT_RECONCILE_MS: "500",
    UPDRAFT_ZOMBIE_AFTER_MS: "30000",
    LOG_LEVEL: "info",
  };
}
