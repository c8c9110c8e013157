/**
 * Wraps a read for scrape-time gauges: answers from the last result while it
 * is younger than `maxAgeMs`, shares one read among concurrent scrapes, gives
 * up after `timeoutMs`, and on any failure reports it and answers with the
 * last good result (undefined before the first one). Never rejects.
 */
export function cachedRead<T>(
  read: () => Promise<T>,
  options: { maxAgeMs: number; timeoutMs: number; onError: (err: unknown) => void },
): () => Promise<T | undefined> {
  let last: { value: T; at: number } | undefined;
  let inFlight: Promise<T | undefined> | undefined;
  return () => {
    if (last && performance.now() - last.at < options.maxAgeMs) return Promise.resolve(last.value);
    inFlight ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the read took longer than ${options.timeoutMs} ms`)), options.timeoutMs);
        });
        const value = await Promise.race([read(), timeout]);
        last = { value, at: performance.now() };
        return value;
      } catch (err) {
        options.onError(err);
        return last?.value;
      } finally {
        clearTimeout(timer);
        inFlight = undefined;
      }
    })();
    return inFlight;
  };
}
