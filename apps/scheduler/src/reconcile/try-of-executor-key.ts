import type { ExecutorTry } from "@updraft/engine";

const KEY = /^ti-([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})-t(\d+)$/;

/**
 * The try an executor key names (the inverse of `executorKey` for task
 * instance ids that are UUIDs, which all are), e.g. for pods a restarted
 * scheduler adopted without launching them. Undefined for other keys.
 */
export function tryOfExecutorKey(key: string): ExecutorTry | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const [, a, b, c, d, e, tryText] = match as unknown as string[];
  return { key, taskInstanceId: `${a}-${b}-${c}-${d}-${e}`, tryNumber: Number(tryText) };
}
