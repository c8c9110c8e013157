import { isRetryable, kubeFailureOf } from "./kube-api-error";

export interface RetryPolicy {
  /** Tries in all (1 = no retry). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

/** The wait before try `attempt + 1`: Retry-After when the server sent one, else exponential backoff with jitter. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number {
  const retryAfter = kubeFailureOf(error)?.retryAfterSeconds;
  if (retryAfter !== undefined && retryAfter > 0) return Math.min(retryAfter * 1000, policy.maxDelayMs);
  const exponential = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return exponential / 2 + Math.random() * (exponential / 2);
}

/**
 * Calls the API, retrying throttling (429), server errors (5xx) and dropped
 * connections with backoff; any other failure, or the last one, is thrown.
 */
export async function withApiRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const delay = retryDelayMs(error, attempt, policy);
      onRetry?.(error, attempt, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
