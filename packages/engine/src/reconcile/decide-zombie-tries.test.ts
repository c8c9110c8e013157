import { describe, expect, it } from "vitest";
import { decideZombieTries, type RunningTry } from "./decide-zombie-tries";

const now = new Date("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

function running(overrides: Partial<RunningTry>): RunningTry {
  return {
    taskInstanceId: "ti-1",
    tryNumber: 1,
    startedAt: ago(600_000),
    schedulerId: "s-1",
    owner: { hostname: "sched-a", pid: 4242, heartbeatAt: ago(1000), stoppedAt: null },
    ...overrides,
  };
}

describe("decideZombieTries", () => {
  it("leaves a long-running try alone while its scheduler heartbeats", () => {
    expect(decideZombieTries([running({ startedAt: ago(86_400_000) })], now, 60_000)).toEqual([]);
  });

  it("fails a try whose scheduler has not heartbeated for zombieAfterMs, naming the scheduler", () => {
    const tries = [running({ owner: { hostname: "sched-a", pid: 4242, heartbeatAt: ago(61_000), stoppedAt: null } })];
    expect(decideZombieTries(tries, now, 60_000)).toEqual([
      { taskInstanceId: "ti-1", tryNumber: 1, reason: "the scheduler running it (sched-a pid 4242) stopped responding" },
    ]);
  });

  it("fails a try at once when its scheduler shut down", () => {
    const tries = [running({ owner: { hostname: "sched-a", pid: 7, heartbeatAt: ago(10), stoppedAt: ago(5) } })];
    expect(decideZombieTries(tries, now, 60_000)[0]?.reason).toBe("the scheduler running it (sched-a pid 7) shut down while it was running");
  });

  it("judges a try without a registered scheduler by its age", () => {
    const young = running({ taskInstanceId: "young", owner: null, schedulerId: null, startedAt: ago(1000) });
    const old = running({ taskInstanceId: "old", owner: null, schedulerId: null, startedAt: ago(120_000) });
    const unknown = running({ taskInstanceId: "unknown", owner: null, schedulerId: "gone", startedAt: ago(120_000) });
    expect(decideZombieTries([young, old, unknown], now, 60_000)).toEqual([
      { taskInstanceId: "old", tryNumber: 1, reason: "no live scheduler is running it" },
      { taskInstanceId: "unknown", tryNumber: 1, reason: "the scheduler running it (id gone) is no longer registered" },
    ]);
  });
});
