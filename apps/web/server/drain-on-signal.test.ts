import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { request, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const fixture = fileURLToPath(new URL("./testing/drain-fixture.ts", import.meta.url));

interface Fixture {
  child: ChildProcessWithoutNullStreams;
  port: number;
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function until<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function startFixture(env: Record<string, string>): Promise<Fixture> {
  const child = spawn(process.execPath, ["--import", tsxLoader, fixture], { env: { ...process.env, ...env }, stdio: "pipe" });
  children.push(child);
  const logs: Array<Record<string, unknown>> = [];
  let buffered = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await until(() => {
    if (child.exitCode !== null) throw new Error(`fixture exited: ${stderr}`);
    return logs.find((line) => line.msg === "web server listening")?.port as number | undefined;
  }, "the fixture to listen");
  return { child, port, logs, exited };
}

function get(port: number, path: string): Promise<{ status: number; body: string; headers: IncomingMessage["headers"] }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe("web server shutdown on SIGTERM", () => {
  it("reports not ready, stops accepting, finishes the request in flight, and exits 0", async () => {
    const web = await startFixture({ UPDRAFT_DRAIN_DELAY_MS: "2000", UPDRAFT_SHUTDOWN_TIMEOUT_MS: "60000" });
    expect((await get(web.port, "/readyz")).status).toBe(200);

    const slow = get(web.port, "/slow");
    await until(() => (web.logs.some((line) => line.msg === "slow request started") ? true : undefined), "the slow request to start");
    web.child.kill("SIGTERM");

    const notReady = await until(async () => {
      const response = await get(web.port, "/readyz");
      return response.status === 503 ? response : undefined;
    }, "/readyz to answer 503");
    expect(JSON.parse(notReady.body)).toEqual({ status: "not ready", checks: { shutdown: { ok: false, message: "shutting down" } } });

    await until(async () => ((await connectionRefused(web.port)) ? true : undefined), "new connections to be refused");

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
    await until(() => (web.logs.some((line) => line.msg === "slow request started") ? true : undefined), "the slow request to start");
    web.child.kill("SIGTERM");

    expect(await web.exited).toBe(1);
    expect(await slow).toBe("ECONNRESET");
    expect(web.logs).toContainEqual(expect.objectContaining({ level: 50, cut: 1, msg: "shutdown timeout: cut 1 in-flight request" }));
  });
});
