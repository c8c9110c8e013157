import pino, { type Logger } from "pino";

/** A pino logger that keeps its JSON lines in memory, for tests that check what was logged. */
export function captureLogs(level = "debug"): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ name: "web", level }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}
