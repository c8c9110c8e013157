// A web server with a slow request for the drain tests, run in its own process
// (`node --import tsx server/testing/drain-fixture.ts`) so the test can signal it.
// GET /slow answers only after the test writes "release" to stdin.
import { createInterface } from "node:readline";
import pino from "pino";
import { Registry } from "prom-client";
import { createWebServer } from "../create-web-server";
import { drainOnSignal } from "../drain-on-signal";
import { createHttpMetrics } from "../http-metrics";
import { createRouteLabeller } from "../label-route";

const logger = pino({ name: "web", level: "info" });
let release!: () => void;
const released = new Promise<void>((resolve) => (release = resolve));
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "release") release();
});

const webServer = createWebServer({
  async handle(req, res) {
    if (req.url === "/slow") {
      logger.info("slow request started");
      await released;
      res.writeHead(200, { "content-type": "text/plain" }).end("slow done");
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" }).end("fast");
  },
  logger,
  metrics: createHttpMetrics(new Registry()),
  labelRoute: createRouteLabeller(["/slow"]),
  checkReadiness: async () => ({ ready: true, checks: { database: { ok: true }, migrations: { ok: true } } }),
});
drainOnSignal({
  webServer,
  logger,
  drainDelayMs: Number(process.env.UPDRAFT_DRAIN_DELAY_MS ?? 0),
  shutdownTimeoutMs: Number(process.env.UPDRAFT_SHUTDOWN_TIMEOUT_MS ?? 25_000),
  cleanup: async () => logger.info("cleanup ran"),
  exit: (code) => process.exit(code),
});
const port = await webServer.listen(0, "127.0.0.1");
logger.info({ port }, "web server listening");
