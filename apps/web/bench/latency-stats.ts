/** Latency percentiles of a set of response times (milliseconds). */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The nearest-rank percentile (p in 0…100) of ascending `sorted` values: the
 * smallest value with at least p % of the values at or below it.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

/** Response times and outcomes per endpoint, recorded as responses arrive. */
export class LatencyRecorder<K extends string> {
  private readonly samples = new Map<K, number[]>();
  private readonly statuses = new Map<K, Map<number, number>>();

  constructor(readonly keys: readonly K[]) {
    for (const key of keys) {
      this.samples.set(key, []);
      this.statuses.set(key, new Map());
    }
  }

  record(key: K, ms: number, status: number): void {
    this.samples.get(key)?.push(ms);
    const counts = this.statuses.get(key);
    counts?.set(status, (counts.get(status) ?? 0) + 1);
  }

  /** Response times of one endpoint (every status). */
  of(key: K): readonly number[] {
    return this.samples.get(key) ?? [];
  }

  /** Every endpoint's response times merged: the overall distribution. */
  all(): number[] {
    return this.keys.flatMap((key) => this.of(key));
  }

  /** Responses of one endpoint whose status was not 2xx. */
  non2xx(key: K): number {
    let count = 0;
    for (const [status, n] of this.statuses.get(key) ?? []) if (status < 200 || status > 299) count += n;
    return count;
  }

  statusCounts(key: K): Record<string, number> {
    return Object.fromEntries([...(this.statuses.get(key) ?? [])].map(([status, n]) => [String(status), n]));
  }
}
