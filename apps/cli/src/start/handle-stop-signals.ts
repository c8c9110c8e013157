import type { EventEmitter } from "node:events";

export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export interface StopSignalHandlers {
  /** The first Ctrl-C / SIGTERM / SIGHUP: stop gracefully. */
  graceful(signal: NodeJS.Signals): void;
  /** A second one: kill now. */
  force(signal: NodeJS.Signals): void;
  /** Any further one, while forcing: give up on cleanup. */
  abandon(signal: NodeJS.Signals): void;
}

/**
 * Routes stop signals to graceful → force → abandon. A repeat within
 * `repeatWindowMs` of the previous one is ignored: `npm start` and `tsx`
 * relay the terminal's Ctrl-C, so one key press can arrive twice.
 * Returns a function that removes the listeners.
 */
export function handleStopSignals(
  target: EventEmitter,
  handlers: StopSignalHandlers,
  options: { repeatWindowMs?: number; now?: () => number } = {},
): () => void {
  const repeatWindowMs = options.repeatWindowMs ?? 500;
  const now = options.now ?? Date.now;
  let count = 0;
  let last = 0;
  const listener = (signal: NodeJS.Signals) => {
    const at = now();
    if (count > 0 && at - last < repeatWindowMs) return;
    last = at;
    count += 1;
    if (count === 1) handlers.graceful(signal);
    else if (count === 2) handlers.force(signal);
    else handlers.abandon(signal);
  };
  for (const signal of STOP_SIGNALS) target.on(signal, listener);
  return () => {
    for (const signal of STOP_SIGNALS) target.removeListener(signal, listener);
  };
}
