// Tests wait for the condition they need (a row, a log line, readiness), never for a wall-clock budget that a
// busy machine misses. This is the one poll loop they share.

const REPORT_EVERY_MS = 30_000;

/**
 * Polls `probe` until it returns something other than undefined/false, however long that takes: a busy machine
 * only makes the test slower, and the test's own timeout (the hang guard, ./vitest) ends a real hang. Every 30 s
 * it says on stderr what it is still waiting for (`describe()`), so a hang names its condition. `probe` throws
 * to give up early (e.g. the process it waits for has exited); the returned promise then rejects.
 * @template T
 * @param {() => T | undefined | false | Promise<T | undefined | false>} probe
 * @param {() => string | Promise<string>} describe
 * @param {{ pollMs?: number }} [options] pollMs: pause between probes (default 25)
 * @returns {Promise<T>}
 */
export async function waitUntil(probe, describe, { pollMs = 25 } = {}) {
  const started = Date.now();
  let reportedS = 0;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    const waitedS = Math.floor((Date.now() - started) / REPORT_EVERY_MS) * (REPORT_EVERY_MS / 1000);
    if (waitedS > reportedS) {
      reportedS = waitedS;
      console.warn(`still waiting after ${waitedS} s for ${await describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
