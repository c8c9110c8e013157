// The web server the drain and cluster fixtures run: the real createWebServer and drainOnSignal around a
// fake app whose GET /slow answers only once `released` resolves, and whose other paths answer `fastAnswer`.
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { createWebServer } from "../create-web-server";
import { drainOnSignal, type DrainOptions } from "../drain-on-signal";
import { createHttpMetrics } from "../http-metrics";
import { createRouteLabeller } from "../label-route";

export async function startSlowFixtureServer(options: {
  logger: Logger;
  registry: Registry;
  released: Promise<void>;
  fastAnswer: string;
  routes: string[];
  signals?: DrainOptions["signals"];
  /** Runs after the drain handler is installed, right before the server listens. */
  beforeListen?: () => void;
}): Promise<void> {
  const { logger, released } = options;
  const webServer = createWebServer({
    async handle(req, res) {
      if (req.url === "/slow") {
        logger.info("slow request started");
        await released;
        res.writeHead(200, { "content-type": "text/plain" }).end("slow done");
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" }).end(options.fastAnswer);
    },
    logger,
    metrics: createHttpMetrics(options.registry),
    labelRoute: createRouteLabeller(options.routes),
    checkReadiness: async () => ({ ready: true, checks: { database: { ok: true }, migrations: { ok: true } } }),
  });
  drainOnSignal({
    webServer,
    logger,
    drainDelayMs: Number(process.env.UPDRAFT_DRAIN_DELAY_MS ?? 0),
    shutdownTimeoutMs: Number(process.env.UPDRAFT_SHUTDOWN_TIMEOUT_MS ?? 25_000),
    cleanup: async () => logger.info("cleanup ran"),
    exit: (code) => process.exit(code),
    ...(options.signals ? { signals: options.signals } : {}),
  });
  options.beforeListen?.();
  const port = await webServer.listen(0, "127.0.0.1");
  logger.info({ port }, "web server listening");
}
