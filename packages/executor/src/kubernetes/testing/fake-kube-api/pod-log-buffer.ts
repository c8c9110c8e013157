interface LogLine {
  /** RFC 3339 with nanoseconds, like the kubelet's `timestamps=true`. */
  timestamp: string;
  nanos: bigint;
  text: string;
}

interface PodLog {
  lines: LogLine[];
  ended: boolean;
  listeners: Set<() => void>;
}

function formatNanos(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${base}${fraction ? `.${fraction}` : ""}Z`;
}

/** What each pod's container wrote, with kubelet-style timestamps, and who is following it. */
export class PodLogBuffer {
  private readonly logs = new Map<string, PodLog>();
  private lastNanos = 0n;

  private entry(podKey: string): PodLog {
    let log = this.logs.get(podKey);
    if (!log) {
      log = { lines: [], ended: false, listeners: new Set() };
      this.logs.set(podKey, log);
    }
    return log;
  }

  append(podKey: string, text: string): void {
    const log = this.entry(podKey);
    if (log.ended) return;
    let nanos = BigInt(Date.now()) * 1_000_000n;
    if (nanos <= this.lastNanos) nanos = this.lastNanos + 1n;
    this.lastNanos = nanos;
    log.lines.push({ timestamp: formatNanos(nanos), nanos, text });
    for (const listener of log.listeners) listener();
  }

  /** The container exited: followers get the rest and their streams end. */
  end(podKey: string): void {
    const log = this.entry(podKey);
    log.ended = true;
    for (const listener of log.listeners) listener();
  }

  /** The pod is gone. */
  forget(podKey: string): void {
    const log = this.logs.get(podKey);
    if (!log) return;
    log.ended = true;
    for (const listener of log.listeners) listener();
    this.logs.delete(podKey);
  }

  lines(podKey: string): readonly LogLine[] {
    return this.logs.get(podKey)?.lines ?? [];
  }

  ended(podKey: string): boolean {
    return this.logs.get(podKey)?.ended ?? true;
  }

  text(podKey: string): string {
    return this.lines(podKey)
      .map((l) => l.text)
      .join("");
  }

  listen(podKey: string, listener: () => void): () => void {
    const log = this.entry(podKey);
    log.listeners.add(listener);
    return () => log.listeners.delete(listener);
  }
}
