import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { CheckReadiness } from "./check-readiness";

function sendJson(res: ServerResponse, status: number, body: unknown, head: boolean): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(head ? undefined : JSON.stringify(body));
}

/**
 * Answers `GET /healthz` (the process is alive; no database call) and
 * `GET /readyz` (database reachable and migrated, and not shutting down).
 * Returns false for any other request, which then goes to Next.
 */
export function answerProbe(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: { checkReadiness: CheckReadiness; isShuttingDown: () => boolean; logger: Logger },
): boolean {
  if (pathname !== "/healthz" && pathname !== "/readyz") return false;
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return true;
  }
  if (pathname === "/healthz") {
    sendJson(res, 200, { status: "ok" }, head);
    return true;
  }
  if (options.isShuttingDown()) {
    sendJson(res, 503, { status: "not ready", checks: { shutdown: { ok: false, message: "shutting down" } } }, head);
    return true;
  }
  options.checkReadiness().then(
    (report) => {
      // A SIGTERM that arrived while the checks ran wins.
      if (options.isShuttingDown()) report.checks.shutdown = { ok: false, message: "shutting down" };
      const ready = report.ready && !options.isShuttingDown();
      if (!ready) options.logger.debug({ checks: report.checks }, "not ready");
      sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks: report.checks }, head);
    },
    (err: unknown) => {
      options.logger.error({ err }, "readiness check failed");
      sendJson(res, 503, { status: "not ready", checks: { readiness: { ok: false, message: "the readiness check failed" } } }, head);
    },
  );
  return true;
}
