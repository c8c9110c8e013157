import { waitUntil } from "@updraft/config/wait-until";
import { afterEach, describe, expect, it } from "vitest";
import { connectionRefused, get, killFixtures, spawnFixture, waitForLog, type FixtureProcess } from "./testing/fixture-process";

const fixture = "drain-fixture";

interface Fixture extends FixtureProcess {
  port: number;
}

afterEach(killFixtures);

async function startFixture(env: Record<string, string>): Promise<Fixture> {
  const web = spawnFixture(fixture, env);
  const listening = await waitForLog(web, (line) => line.msg === "web server listening", "the fixture to listen");
  return { ...web, port: listening.port as number };
}

describe("web server shutdown on SIGTERM", () => {
  it("reports not ready, stops accepting, finishes the request in flight, and exits 0", async () => {
    const web = await startFixture({ UPDRAFT_DRAIN_DELAY_MS: "2000", UPDRAFT_SHUTDOWN_TIMEOUT_MS: "60000" });
    expect((await get(web.port, "/readyz")).status).toBe(200);

    const slow = get(web.port, "/slow");
    await waitUntil(() => (web.logs.some((line) => line.msg === "slow request started") ? true : undefined), () => "the slow request to start");
    web.child.kill("SIGTERM");

    const notReady = await waitUntil(async () => {
      const response = await get(web.port, "/readyz");
      return response.status === 503 ? response : undefined;
    }, () => "/readyz to answer 503");
    expect(JSON.parse(notReady.body)).toEqual({ status: "not ready", checks: { shutdown: { ok: false, message: "shutting down" } } });

    await waitUntil(async () => ((await connectionRefused(web.port)) ? true : undefined), () => "new connections to be refused");

    web.child.stdin.write("release\n");
    const answered = await slow;
    expect(answered.status).toBe(200);
    expect(answered.body).toBe("slow done");
    expect(answered.headers.connection).toBe("close");

    expect(await web.exited).toBe(0);
    expect(web.logs.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["shutting down: /readyz now answers 503", "cleanup ran", "drained: every request answered; exiting"]),
    );
  });

  it("cuts requests still running after UPDRAFT_SHUTDOWN_TIMEOUT_MS, says how many, and exits 1", async () => {
    const web = await startFixture({ UPDRAFT_DRAIN_DELAY_MS: "0", UPDRAFT_SHUTDOWN_TIMEOUT_MS: "300" });
    const slow = get(web.port, "/slow").then(
      () => "answered",
      (error: NodeJS.ErrnoException) => error.code,
    );
    await waitUntil(() => (web.logs.some((line) => line.msg === "slow request started") ? true : undefined), () => "the slow request to start");
    web.child.kill("SIGTERM");

    expect(await web.exited).toBe(1);
    expect(await slow).toBe("ECONNRESET");
    expect(web.logs).toContainEqual(expect.objectContaining({ level: 50, cut: 1, msg: "shutdown timeout: cut 1 in-flight request" }));
  });
});
