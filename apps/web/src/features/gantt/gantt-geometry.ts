export interface Span {
  start: number;
  end: number;
}

export interface TryTimes {
  queuedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

/**
 * The two parts of a try's bar, in epoch ms: waiting (queued → started) and
 * running (started → ended). Open parts end at `now`.
 */
export function trySpans(t: TryTimes, now: number): { queued: Span | null; running: Span | null } {
  const queuedAt = t.queuedAt?.getTime() ?? null;
  const startedAt = t.startedAt?.getTime() ?? null;
  const endedAt = t.endedAt?.getTime() ?? null;
  if (startedAt !== null) {
    return {
      queued: queuedAt !== null && queuedAt < startedAt ? { start: queuedAt, end: startedAt } : null,
      running: { start: startedAt, end: Math.max(startedAt, endedAt ?? now) },
    };
  }
  if (queuedAt === null) return { queued: null, running: null };
  return { queued: { start: queuedAt, end: Math.max(queuedAt, endedAt ?? now) }, running: null };
}

/** The time range covering every span (at least `minSpanMs` wide); `fallback` when there is none. */
export function ganttDomain(spans: Span[], fallback: number, minSpanMs = 1_000): Span {
  if (spans.length === 0) return { start: fallback, end: fallback + minSpanMs };
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return { start, end: Math.max(end, start + minSpanMs) };
}

const STEPS_MS = [
  100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** The smallest "round" tick step that keeps the axis to at most `maxTicks` ticks. */
export function tickStep(spanMs: number, maxTicks = 8): number {
  for (const step of STEPS_MS) if (spanMs / step <= maxTicks) return step;
  return Math.ceil(spanMs / maxTicks / 86_400_000) * 86_400_000;
}

/** Tick positions: multiples of `step` inside the domain. */
export function ticks(domain: Span, step: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(domain.start / step) * step; t <= domain.end; t += step) out.push(t);
  return out;
}
