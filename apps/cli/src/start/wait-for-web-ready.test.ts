import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitForWebReady } from "./wait-for-web-ready";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function listen(handler: Parameters<typeof createServer>[1], port = 0): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

async function freePort(): Promise<number> {
  const port = await listen(() => undefined);
  await new Promise((resolve) => servers.pop()!.close(resolve));
  return port;
}

describe("waitForWebReady", () => {
  it("waits until the server listens and /api/health answers 2xx", async () => {
    const port = await freePort();
    let healthy = false;
    const ready = waitForWebReady(`http://127.0.0.1:${port}`, { intervalMs: 50 });
    let settled = false;
    void ready.then(() => (settled = true));

    await new Promise((resolve) => setTimeout(resolve, 200)); // nothing listening yet
    expect(settled).toBe(false);
    await listen((req, res) => {
      res.statusCode = req.url === "/api/health" && healthy ? 200 : 503;
      res.end();
    }, port);
    await new Promise((resolve) => setTimeout(resolve, 200)); // listening, but unhealthy
    expect(settled).toBe(false);

    healthy = true;
    await ready;
  });

  it("falls back to / when the app has no health route", async () => {
    const port = await listen((req, res) => {
      res.statusCode = req.url === "/" ? 307 : 404;
      res.setHeader("location", "/login");
      res.end();
    });
    await expect(waitForWebReady(`http://127.0.0.1:${port}`, { intervalMs: 50 })).resolves.toBeUndefined();
  });

  it("stops waiting when aborted", async () => {
    const port = await freePort();
    const controller = new AbortController();
    const ready = waitForWebReady(`http://127.0.0.1:${port}`, { intervalMs: 50, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stopping")), 150);
    await expect(ready).rejects.toThrow("stopping");
  });
});
