import { describe, expect, it } from "vitest";
import { planClients } from "./run-load";

describe("load pacing", () => {
  it("even: one client per request per second, started evenly over the second (200/s → one every 5 ms)", () => {
    const plan = planClients({ rate: 200, connections: 20, pacing: "even" });
    expect(plan).toHaveLength(200);
    expect(plan.every((client) => client.connections === 1 && client.connectionRate === 1)).toBe(true);
    expect(plan.slice(0, 3).map((client) => client.startAfterMs)).toEqual([0, 5, 10]);
    expect(plan.at(-1)!.startAfterMs).toBe(995);
  });

  it("burst: autocannon's overallRate over the given connections, all at once", () => {
    expect(planClients({ rate: 200, connections: 20, pacing: "burst" })).toEqual([{ connections: 20, overallRate: 200, startAfterMs: 0 }]);
  });
});
