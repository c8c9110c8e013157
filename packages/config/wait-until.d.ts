/** See wait-until.js. */
export declare function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  describe: () => string | Promise<string>,
  options?: { pollMs?: number },
): Promise<T>;
