import autocannon from "autocannon";
import { LatencyRecorder } from "./latency-stats";
import { ENDPOINTS, type Endpoint, type RequestVariant } from "./request-variants";

/**
 * How requests are spread over each second:
 * - `even`: `rate` autocannon clients of one connection at 1 request/s each,
 *   started 1000/rate ms apart, so a request arrives every 1000/rate ms, as
 *   from independent users (an open-loop, constant arrival rate);
 * - `burst`: one autocannon instance with `overallRate` over `connections`
 *   connections; autocannon's limiter lets each connection send its share of
 *   the second back to back as the second starts, so every second begins
 *   with `connections` requests at once.
 */
export type Pacing = "even" | "burst";

export interface LoadOptions {
  baseUrl: string;
  cookie: string;
  variants: readonly RequestVariant[];
  durationSeconds: number;
  /** Requests per second over all connections. */
  rate: number;
  /** Connections of the `burst` pacing. */
  connections: number;
  pacing: Pacing;
  /** Called about every second with requests done so far. */
  onTick?: (done: number, elapsedSeconds: number) => void;
}

export interface LoadResult {
  recorder: LatencyRecorder<Endpoint>;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

type CannonResult = Awaited<ReturnType<typeof autocannon>>;

interface ClientPlan {
  connections: number;
  /** Requests per second of each connection. */
  connectionRate?: number;
  overallRate?: number;
  startAfterMs: number;
}

/** The autocannon instances a pacing needs. */
export function planClients(options: Pick<LoadOptions, "rate" | "connections" | "pacing">): ClientPlan[] {
  if (options.pacing === "burst") return [{ connections: options.connections, overallRate: options.rate, startAfterMs: 0 }];
  const spacingMs = 1000 / options.rate;
  return Array.from({ length: options.rate }, (_, i) => ({ connections: 1, connectionRate: 1, startAfterMs: i * spacingMs }));
}

/**
 * Drives the variants with autocannon at `rate` requests/s for
 * `durationSeconds`. Every request takes the next variant of one shared
 * sequence, so the connections spread over all of them; each response time
 * is recorded under its endpoint (onResponse runs right before autocannon's
 * "response" event for the same request, so it names the endpoint).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const recorder = new LatencyRecorder<Endpoint>(ENDPOINTS);
  let nextVariant = 0;
  let done = 0;
  const started = performance.now();

  function startClient(plan: ClientPlan): PromiseLike<CannonResult> {
    let answered: Endpoint | null = null;
    const instance = autocannon({
      url: options.baseUrl,
      connections: plan.connections,
      duration: options.durationSeconds,
      ...(plan.overallRate !== undefined ? { overallRate: plan.overallRate } : { connectionRate: plan.connectionRate }),
      // Record the response times as measured; with a rate set, autocannon would otherwise add synthetic samples.
      ignoreCoordinatedOmission: true,
      headers: { cookie: options.cookie, accept: "application/json" },
      requests: [
        {
          method: "GET",
          setupRequest(request, context) {
            const variant = options.variants[nextVariant++ % options.variants.length]!;
            context.endpoint = variant.endpoint;
            return { ...request, path: variant.path };
          },
          onResponse(_status, _body, context) {
            answered = context.endpoint as Endpoint;
          },
        },
      ],
    });
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (answered) recorder.record(answered, responseTime, statusCode);
      answered = null;
      done++;
    });
    return instance;
  }

  const ticker = setInterval(() => options.onTick?.(done, (performance.now() - started) / 1000), 1000);
  try {
    const results = await Promise.all(
      planClients(options).map(
        (plan) =>
          new Promise<CannonResult>((resolve, reject) => {
            setTimeout(() => startClient(plan).then(resolve, reject), plan.startAfterMs);
          }),
      ),
    );
    const durationSeconds = (performance.now() - started) / 1000;
    const total = results.reduce((sum, r) => sum + r.requests.total, 0);
    const statusCodes: Record<string, number> = {};
    for (const result of results) {
      for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
    return {
      recorder,
      durationSeconds,
      requests: total,
      requestsPerSecond: total / durationSeconds,
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      statusCodes,
    };
  } finally {
    clearInterval(ticker);
  }
}
