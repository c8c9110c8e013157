/** Nanoseconds since the epoch of an RFC 3339 timestamp with up to 9 fractional digits (the kubelet's `timestamps=true`). */
export function parseLogTimestamp(text: string): bigint | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match) return undefined;
  const millis = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(millis)) return undefined;
  return BigInt(millis) * 1_000_000n + BigInt((match[2] ?? "").padEnd(9, "0"));
}

/** RFC 3339 at whole seconds (what `sinceTime` accepts), rounded down. */
export function sinceTimeOf(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}Z`;
}
