import { describe, expect, it } from "vitest";
import { decideStuckQueuedTries } from "./decide-stuck-queued-tries";

const now = new Date("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("decideStuckQueuedTries", () => {
  it("relaunches only old queued tries whose launch job is gone", () => {
    const tries = [
      { taskInstanceId: "lost", tryNumber: 2, queuedAt: ago(90_000), hasPendingLaunch: false },
      { taskInstanceId: "waiting-for-a-worker", tryNumber: 1, queuedAt: ago(90_000), hasPendingLaunch: true },
      { taskInstanceId: "just-queued", tryNumber: 1, queuedAt: ago(100), hasPendingLaunch: false },
    ];
    expect(decideStuckQueuedTries(tries, now, 60_000).map((t) => t.taskInstanceId)).toEqual(["lost"]);
  });
});
