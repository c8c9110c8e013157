import { Gauge, Histogram, type Registry } from "prom-client";

/** From 1 ms to 10 s; dense around the 50 ms p99 target of the web benchmark. */
export const HTTP_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export interface HttpMetrics {
  /** A request arrived; call the returned function once when its response is done. */
  started(): (outcome: { method: string | undefined; route: string; status: string }) => void;
}

/** `updraft_http_request_duration_seconds{method,route,status}` and `updraft_http_requests_in_flight`, on `registry`. */
export function createHttpMetrics(registry: Registry): HttpMetrics {
  const duration = new Histogram({
    name: "updraft_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response, by method, route pattern and status code.",
    labelNames: ["method", "route", "status"] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: "updraft_http_requests_in_flight",
    help: "Requests the web server has received and not finished answering.",
    registers: [registry],
  });

  return {
    started() {
      const start = process.hrtime.bigint();
      inFlight.inc();
      let done = false;
      return ({ method, route, status }) => {
        if (done) return;
        done = true;
        inFlight.dec();
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const methodLabel = method && METHODS.has(method) ? method : "other";
        duration.observe({ method: methodLabel, route, status }, seconds);
      };
    },
  };
}
