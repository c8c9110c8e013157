/** One usage sample as read from usage_samples, in JS numbers. */
export interface UsageSampleReading {
  sampledAt: Date;
  /** Cumulative cpu-seconds of the process tree since it started (local executor). */
  cpuSecondsTotal: number | null;
  /** Cores in use right now (Kubernetes metrics). */
  cpuCores: number | null;
  memoryBytes: number;
}

export interface ThinnedUsage {
  cpuSeconds: number;
  memoryAvgBytes: number;
  memoryPeakBytes: number;
  samples: number;
}

/** Weight of each sample: the time until the next one (the last holds until the try ended). */
function weights(samples: readonly UsageSampleReading[], endedAt: Date): number[] {
  const w = samples.map((s, i) => {
    const next = i + 1 < samples.length ? samples[i + 1]!.sampledAt.getTime() : endedAt.getTime();
    return Math.max(0, next - s.sampledAt.getTime());
  });
  const total = w.reduce((a, b) => a + b, 0);
  return total > 0 ? w : samples.map(() => 1); // all at one instant: a plain mean
}

function weightedMean(values: readonly number[], w: readonly number[]): number {
  let sum = 0;
  let weight = 0;
  values.forEach((v, i) => {
    sum += v * w[i]!;
    weight += w[i]!;
  });
  return weight > 0 ? sum / weight : 0;
}

/**
 * A try's samples thinned into its totals. cpu: from cumulative cpuSecondsTotal
 * when sampled (last − first, plus the first sample's own value since the process
 * started with the try: the last value), else the time-weighted mean of cpuCores
 * × duration. Memory: time-weighted mean and max. No samples → zeros.
 */
export function thinUsageSamples(
  samples: readonly UsageSampleReading[],
  run: { startedAt: Date; endedAt: Date },
): ThinnedUsage {
  if (samples.length === 0) return { cpuSeconds: 0, memoryAvgBytes: 0, memoryPeakBytes: 0, samples: 0 };
  const sorted = [...samples].sort((a, b) => a.sampledAt.getTime() - b.sampledAt.getTime());
  const w = weights(sorted, run.endedAt);
  const durationSeconds = Math.max(0, (run.endedAt.getTime() - run.startedAt.getTime()) / 1000);

  const cumulative = sorted.filter((s) => s.cpuSecondsTotal !== null);
  let cpuSeconds: number;
  if (cumulative.length > 0) {
    // last − first + first = the last value; the highest one, should a counter ever step back.
    cpuSeconds = cumulative.reduce((max, s) => Math.max(max, s.cpuSecondsTotal ?? 0), 0);
  } else {
    const cores = sorted.map((s) => s.cpuCores ?? 0);
    cpuSeconds = weightedMean(cores, w) * durationSeconds;
  }
  const memory = sorted.map((s) => Math.max(0, s.memoryBytes));
  return {
    cpuSeconds: Math.max(0, cpuSeconds),
    memoryAvgBytes: Math.round(weightedMean(memory, w)),
    memoryPeakBytes: memory.reduce((a, b) => Math.max(a, b), 0),
    samples: sorted.length,
  };
}
