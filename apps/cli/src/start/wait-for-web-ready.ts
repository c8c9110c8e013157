/**
 * Resolves once the web app answers: `/api/health` with a 2xx, or, where the
 * app has no health route (404), any non-5xx answer from `/`. Polls every
 * `intervalMs` until then; rejects with an AbortError when `signal` aborts.
 */
export async function waitForWebReady(
  baseUrl: string,
  options: { signal?: AbortSignal; intervalMs?: number; requestTimeoutMs?: number } = {},
): Promise<void> {
  const intervalMs = options.intervalMs ?? 500;
  const requestTimeoutMs = options.requestTimeoutMs ?? 5000;
  const get = (path: string) =>
    fetch(new URL(path, baseUrl), {
      redirect: "manual",
      signal: options.signal
        ? AbortSignal.any([options.signal, AbortSignal.timeout(requestTimeoutMs)])
        : AbortSignal.timeout(requestTimeoutMs),
    });

  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const health = await get("/api/health");
      await health.body?.cancel();
      if (health.ok) return;
      if (health.status === 404) {
        const home = await get("/");
        await home.body?.cancel();
        if (home.status < 500) return;
      }
    } catch (error) {
      options.signal?.throwIfAborted();
      // Not listening yet, or a request timed out: try again.
      void error;
    }
    await sleep(intervalMs, options.signal);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
