/**
 * Polls `probe` every 100 ms until it returns something other than undefined/false, however long that takes:
 * a busy machine only makes the spec slower, and the hang guard (@updraft/config/vitest) ends a real hang.
 * Every 30 s it says on stderr what it is still waiting for (`describe()`), so a hang names its condition.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | false>,
  describe: () => string,
): Promise<T> {
  const started = Date.now();
  let reportedS = 0;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    const waitedS = Math.floor((Date.now() - started) / 30_000) * 30;
    if (waitedS > reportedS) {
      reportedS = waitedS;
      console.warn(`still waiting after ${waitedS} s for ${describe()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
