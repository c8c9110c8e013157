/** The pool of tasks that name none. It exists in every tenant, with 128 slots until edited (as in Airflow). */
export const DEFAULT_POOL = "default_pool";
export const DEFAULT_POOL_SLOTS = 128;

/** A pool's slots: its row's, or the implicit default_pool's; undefined when the pool does not exist. */
export function effectivePoolSlots(pool: string, rowSlots: number | null | undefined): number | undefined {
  if (rowSlots !== null && rowSlots !== undefined) return rowSlots;
  return pool === DEFAULT_POOL ? DEFAULT_POOL_SLOTS : undefined;
}
