/**
 * Polls `probe` until it returns something other than undefined/false, however long that takes: a busy
 * machine only makes the test slower, and the test's own timeout guards against a hang. Every 30 s it says
 * on stderr what it is still waiting for (`describe()`), so a hang names its condition. `probe` throws to
 * give up early (e.g. the process it waits for has exited).
 */
export async function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  describe: () => string | Promise<string>,
  pollMs = 25,
): Promise<T> {
  const started = Date.now();
  let reportedS = 0;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    const waitedS = Math.floor((Date.now() - started) / 30_000) * 30;
    if (waitedS > reportedS) {
      reportedS = waitedS;
      console.warn(`still waiting after ${waitedS} s for ${await describe()}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
