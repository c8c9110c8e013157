import { waitUntil } from "@updraft/config/wait-until";
import { afterEach, describe, expect, it } from "vitest";
import { restartDelayMs } from "./run-cluster-primary";
import {
  connectionRefused,
  get,
  killFixtures,
  processAlive,
  spawnFixture,
  waitForLog,
  type FixtureProcess,
} from "./testing/fixture-process";

const fixture = "cluster-fixture";

interface Cluster extends FixtureProcess {
  port: number;
  metricsPort: number;
  workerPids(): number[];
}

afterEach(killFixtures);

async function startCluster(env: Record<string, string> = {}, options: { detached?: boolean } = {}): Promise<Cluster> {
  const web = spawnFixture(fixture, { UPDRAFT_WEB_WORKERS: "2", ...env }, options);
  const listening = await waitForLog(web, (line) => line.msg === "all web workers listening", "both workers to listen");
  // The primary hears of a worker's listen before that worker's own log line reaches the pipe.
  await waitUntil(
    () => (new Set(web.logs.filter((line) => line.msg === "web server listening").map((line) => line.pid)).size >= 2 ? true : undefined),
    () => "both workers' own listening lines",
  );
  return {
    ...web,
    port: listening.port as number,
    metricsPort: listening.metricsPort as number,
    workerPids: () => [...new Set(web.logs.filter((line) => line.msg === "web server listening").map((line) => line.pid as number))],
  };
}

/** Sends fresh connections until every pid in `pids` has answered; returns the answers. */
async function requestUntilServedBy(port: number, pids: number[]): Promise<number[]> {
  const seen: number[] = [];
  await waitUntil(async () => {
    const response = await get(port, "/pid");
    expect(response.status).toBe(200);
    seen.push(Number(response.body));
    return pids.every((pid) => seen.includes(pid)) ? true : undefined;
  }, () => `answers from workers ${pids.join(", ")}`);
  return seen;
}

async function metricsText(metricsPort: number): Promise<string> {
  const response = await get(metricsPort, "/metrics");
  expect(response.status).toBe(200);
  return response.body;
}

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const PID_COUNT = 'updraft_http_request_duration_seconds_count{method="GET",route="/pid",status="200"}';

describe("UPDRAFT_WEB_WORKERS=2: the cluster primary and its workers", () => {
  it("serves the app port from both workers, and /metrics on the primary sums their requests", async () => {
    const web = await startCluster();
    const pids = web.workerPids();
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(web.child.pid);

    const served = await requestUntilServedBy(web.port, pids);
    for (let i = 0; i < 6; i += 1) served.push(Number((await get(web.port, "/pid")).body));
    expect(new Set(served)).toEqual(new Set(pids));
    expect((await get(web.port, "/healthz")).status).toBe(200);
    expect((await get(web.port, "/readyz")).status).toBe(200);

    const text = await metricsText(web.metricsPort);
    // The histogram is summed over the workers: every request counted once, whichever worker answered it.
    expect(sample(text, PID_COUNT)).toBe(served.length);
    expect(sample(text, 'updraft_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/pid",status="200"}')).toBe(served.length);
    expect(sample(text, "updraft_http_requests_in_flight")).toBe(0);
    // Process metrics stay per worker (labelled with the cluster worker id) instead of being summed.
    expect(sample(text, 'process_cpu_user_seconds_total{worker="1"}')).toBeGreaterThan(0);
    expect(sample(text, 'process_cpu_user_seconds_total{worker="2"}')).toBeGreaterThan(0);
    // The workers bind no metrics port: the only one is the primary's.
    const metricsListeners = web.logs.filter((line) => line.msg === "health and metrics server listening");
    expect(metricsListeners).toEqual([expect.objectContaining({ pid: web.child.pid, worker: 0 })]);
    // Every line says which process wrote it.
    for (const line of web.logs) expect(line.worker, JSON.stringify(line)).toEqual(line.pid === web.child.pid ? 0 : expect.any(Number));
  });

  it("replaces a worker that dies, logging its signal, and keeps answering", async () => {
    const web = await startCluster();
    const [victim, survivor] = web.workerPids() as [number, number];
    process.kill(victim, "SIGKILL");

    const died = await waitForLog(web, (line) => line.msg === "web worker died; starting a new one", "the primary to notice");
    expect(died).toMatchObject({ level: 50, workerPid: victim, signal: "SIGKILL", code: null });
    const replacement = await waitForLog(web, (line) => line.msg === "web server listening" && line.worker === 3, "the replacement to listen");
    expect(replacement.pid).not.toBe(victim);
    await requestUntilServedBy(web.port, [survivor, replacement.pid as number]);
    expect(processAlive(victim)).toBe(false);
  });

  it("gives up with exit 1 when workers keep crashing", async () => {
    const web = spawnFixture(fixture, { UPDRAFT_WEB_WORKERS: "2", FIXTURE_CRASH: "1" });
    expect(await web.exited).toBe(1);
    expect(web.logs).toContainEqual(expect.objectContaining({ level: 60, crashes: 5, msg: "web workers keep dying (5 in 60 s): giving up" }));
    expect(web.logs.filter((line) => line.msg === "web worker died; starting a new one")).toHaveLength(4);
  });

  it("drains every worker on SIGTERM to the primary: /readyz 503, the slow request finishes, and the process tree exits 0", async () => {
    const web = await startCluster({ UPDRAFT_DRAIN_DELAY_MS: "1000", UPDRAFT_SHUTDOWN_TIMEOUT_MS: "60000" });
    const pids = web.workerPids();
    const slow = get(web.port, "/slow");
    await waitForLog(web, (line) => line.msg === "slow request started", "the slow request to start");
    web.child.kill("SIGTERM");

    await waitUntil(async () => ((await get(web.port, "/readyz")).status === 503 ? true : undefined), () => "/readyz to answer 503");
    await waitUntil(async () => ((await connectionRefused(web.port)) ? true : undefined), () => "new connections to be refused");
    web.child.stdin.write("release\n");
    const answered = await slow;
    expect(answered).toMatchObject({ status: 200, body: "slow done" });

    expect(await web.exited).toBe(0);
    for (const pid of pids) await waitUntil(() => (processAlive(pid) ? undefined : true), () => `worker ${pid} to be gone`);
    for (const pid of pids) {
      const lines = web.logs.filter((line) => line.pid === pid);
      expect(lines.filter((line) => line.msg === "shutting down: /readyz now answers 503")).toHaveLength(1);
      expect(lines.map((line) => line.msg)).toContain("drained: every request answered; exiting");
    }
    expect(web.logs.map((line) => line.msg)).toContain("every web worker drained; exiting");
  });

  it("drains once when the signal reaches the whole process group (Ctrl-C, npm start), and exits 0", async () => {
    const web = await startCluster({ UPDRAFT_SHUTDOWN_TIMEOUT_MS: "60000" }, { detached: true });
    const pids = web.workerPids();
    const slow = get(web.port, "/slow");
    await waitForLog(web, (line) => line.msg === "slow request started", "the slow request to start");
    process.kill(-web.child.pid!, "SIGINT");

    await waitUntil(
      () => (pids.every((pid) => web.logs.some((line) => line.pid === pid && line.msg === "shutting down: /readyz now answers 503")) ? true : undefined),
      () => "both workers to start draining",
    );
    web.child.stdin.write("release\n");
    expect(await slow).toMatchObject({ status: 200, body: "slow done" });
    expect(await web.exited).toBe(0);
    expect(web.logs.map((line) => line.msg)).not.toContain("second signal: exiting now");
    for (const pid of pids) {
      expect(web.logs.filter((line) => line.pid === pid && line.msg === "shutting down: /readyz now answers 503")).toHaveLength(1);
    }
  });

  it("exits 1 when a worker had to cut a request at UPDRAFT_SHUTDOWN_TIMEOUT_MS", async () => {
    const web = await startCluster({ UPDRAFT_SHUTDOWN_TIMEOUT_MS: "300" });
    const slow = get(web.port, "/slow").then(
      () => "answered",
      (error: NodeJS.ErrnoException) => error.code,
    );
    await waitForLog(web, (line) => line.msg === "slow request started", "the slow request to start");
    web.child.kill("SIGTERM");
    expect(await web.exited).toBe(1);
    expect(await slow).toBe("ECONNRESET");
    expect(web.logs).toContainEqual(expect.objectContaining({ level: 50, code: 1, msg: "web worker did not stop cleanly" }));
  });
});

describe("restartDelayMs", () => {
  it("restarts the first crash at once, then backs off, at most 5 s", () => {
    expect([1, 2, 3, 4, 5, 10].map(restartDelayMs)).toEqual([0, 250, 500, 1000, 2000, 5000]);
  });
});
