import { Logger } from "graphile-worker";
import type { Logger as Pino } from "pino";

/**
 * Routes graphile-worker's own log lines into our structured pino log. Its
 * info lines (one per completed job) become debug: the scheduler's own info
 * lines already say what happened, once per task try.
 */
export function graphileLoggerFor(pino: Pino): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === "error") pino.error(fields, message);
    else if (level === "warning") pino.warn(fields, message);
    else pino.debug(fields, message);
  });
}
