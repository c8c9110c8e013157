import { describe, expect, it } from "vitest";
import { readSchedulerEnv } from "./scheduler-env";

const DATABASE_URL = "postgres://u:p@localhost:5432/updraft";

describe("readSchedulerEnv", () => {
  it("defaults to production timings: heartbeat 5 s, reconcile 30 s, zombie after 60 s", () => {
    const env = readSchedulerEnv({ DATABASE_URL });
    expect(env).toMatchObject({
      UPDRAFT_EXECUTOR: "local",
      UPDRAFT_HEARTBEAT_MS: 5000,
      UPDRAFT_RECONCILE_MS: 30_000,
      UPDRAFT_ZOMBIE_AFTER_MS: 60_000,
      UPDRAFT_NOOP_DURATION_MS: 0,
      UPDRAFT_POLL_INTERVAL_MS: 2000,
    });
    expect(env.UPDRAFT_SCHEDULER_ID).toBeUndefined();
    expect(env.UPDRAFT_LAUNCH_LOG).toBeUndefined();
  });

  it("takes short timings for tests", () => {
    const env = readSchedulerEnv({
      DATABASE_URL,
      UPDRAFT_EXECUTOR: "noop",
      UPDRAFT_HEARTBEAT_MS: "200",
      UPDRAFT_RECONCILE_MS: "500",
      UPDRAFT_ZOMBIE_AFTER_MS: "2000",
      UPDRAFT_NOOP_DURATION_MS: "300",
      UPDRAFT_LAUNCH_LOG: "/tmp/launches.log",
    });
    expect(env).toMatchObject({ UPDRAFT_HEARTBEAT_MS: 200, UPDRAFT_ZOMBIE_AFTER_MS: 2000, UPDRAFT_NOOP_DURATION_MS: 300 });
  });

  it("refuses a zombie threshold a live scheduler could miss, saying why", () => {
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_HEARTBEAT_MS: "5000", UPDRAFT_ZOMBIE_AFTER_MS: "6000" })).toThrow(
      /UPDRAFT_ZOMBIE_AFTER_MS: .*more than twice UPDRAFT_HEARTBEAT_MS/,
    );
  });

  it("explains a malformed scheduler id", () => {
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SCHEDULER_ID: "sched-1" })).toThrow(/UPDRAFT_SCHEDULER_ID must be a UUID/);
  });
});
