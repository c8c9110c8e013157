import { internalError, serviceUnavailable, tooManyRequests, type KubeStatusError } from "./kube-status";

export interface RequestTarget {
  verb: string;
  /** With subresource: "pods/log". */
  resource: string;
  namespace?: string;
  name?: string;
}

export interface FailNextOptions {
  /** 500 (default), 503 or 429. */
  status?: 429 | 500 | 503;
  /** For 429: the Retry-After header. Default 0. */
  retryAfterSeconds?: number;
  /** Only requests matching these fields count. */
  match?: Partial<RequestTarget>;
}

interface PendingFailure {
  remaining: number;
  options: FailNextOptions;
}

/** Faults a test arms on the double: failing requests, latency, dropped streams. */
export class FaultInjector {
  private failures: PendingFailure[] = [];
  private latency = 0;
  private readonly streamDroppers = new Set<(abrupt: boolean) => void>();

  /** The next `count` matching requests fail with `status`. */
  failNext(count: number, options: FailNextOptions = {}): void {
    this.failures.push({ remaining: count, options });
  }

  /** Every request waits this long before it is handled. */
  setLatency(ms: number): void {
    this.latency = ms;
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** Closes every open watch and log stream (abrupt: destroys the socket mid-stream). Returns how many. */
  dropStreams(options: { abrupt?: boolean } = {}): number {
    const droppers = [...this.streamDroppers];
    for (const drop of droppers) drop(options.abrupt ?? false);
    return droppers.length;
  }

  clear(): void {
    this.failures = [];
    this.latency = 0;
  }

  /** @internal the server registers open streams here. */
  trackStream(drop: (abrupt: boolean) => void): () => void {
    this.streamDroppers.add(drop);
    return () => this.streamDroppers.delete(drop);
  }

  /** @internal the failure to return for this request, if one is armed. */
  takeFailure(target: RequestTarget): KubeStatusError | undefined {
    const failure = this.failures.find((f) =>
      Object.entries(f.options.match ?? {}).every(([field, value]) => target[field as keyof RequestTarget] === value),
    );
    if (!failure) return undefined;
    failure.remaining--;
    if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    const status = failure.options.status ?? 500;
    if (status === 429) return tooManyRequests(failure.options.retryAfterSeconds ?? 0);
    if (status === 503) return serviceUnavailable();
    return internalError();
  }
}
