import { parseExecutorKey } from "@updraft/domain/executor-key";
import type { ExecutorTry } from "@updraft/engine";

/**
 * The try an executor key names (see `parseExecutorKey`), e.g. for pods a
 * restarted scheduler adopted without launching them. Undefined for other keys.
 */
export function tryOfExecutorKey(key: string): ExecutorTry | undefined {
  const named = parseExecutorKey(key);
  return named && { key, ...named };
}
