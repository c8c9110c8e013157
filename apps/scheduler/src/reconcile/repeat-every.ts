import type { Logger } from "pino";

export interface RepeatingTask {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `fn` every `intervalMs` with a plain timer (never two at once: the
 * next run is armed when the previous one ends). Errors are logged and the
 * loop carries on, so a database blip does not stop a heartbeat for good.
 */
export function repeatEvery(name: string, intervalMs: number, fn: () => Promise<void>, logger: Logger): RepeatingTask {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    timer = null;
    running = fn()
      .catch((err: unknown) => logger.warn({ err, loop: name }, `${name} failed; trying again in ${intervalMs} ms`))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
