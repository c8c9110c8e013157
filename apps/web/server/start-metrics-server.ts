import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

/** A prom-client Registry, or in the cluster primary the workers' aggregated metrics. */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The separate listener for `GET /metrics` (Prometheus text format), so the
 * Ingress in front of the app port never exposes it. Port 0 picks a free port;
 * the chosen one is logged.
 */
export async function startMetricsServer(options: {
  port: number;
  hostname?: string;
  registry: MetricsSource;
  logger: Logger;
}): Promise<MetricsServer> {
  const { registry, logger } = options;
  const server: Server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (pathname !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found: try GET /metrics\n");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(req.method === "HEAD" ? undefined : text),
      (err: unknown) => {
        logger.error({ err }, "could not collect metrics");
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("could not collect metrics\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.removeListener("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, "health and metrics server listening");
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
