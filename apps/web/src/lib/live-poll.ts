/** How often views of unfinished runs refresh. */
export const LIVE_POLL_MS = 1_000;

/** A react-query `refetchInterval`: every second while `live`, otherwise `idleMs` (false = stop). */
export function pollWhile(live: boolean, idleMs: number | false = false): number | false {
  return live ? LIVE_POLL_MS : idleMs;
}
