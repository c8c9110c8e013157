/**
 * Keys of tries this executor already ran to the end, newest kept. A launch
 * for one of them must start nothing: its outcome was reported already, and a
 * late duplicate launch job (e.g. a retried job after a fast task finished)
 * would otherwise run the same try twice.
 */
export interface FinishedKeys {
  add(key: string): void;
  has(key: string): boolean;
}

export function createFinishedKeys(capacity = 50_000): FinishedKeys {
  const keys = new Set<string>();
  return {
    add(key) {
      keys.delete(key);
      keys.add(key);
      if (keys.size > capacity) {
        const oldest = keys.values().next().value;
        if (oldest !== undefined) keys.delete(oldest);
      }
    },
    has: (key) => keys.has(key),
  };
}
