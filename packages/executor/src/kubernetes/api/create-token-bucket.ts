export interface TokenBucket {
  /** Resolves when the caller may make one request (FIFO); rejects once the bucket is closed. */
  take(): Promise<void>;
  /** Rejects every waiter. */
  close(reason: Error): void;
  readonly waiting: number;
}

/**
 * A token bucket: `burst` requests at once, then `qps` per second. Callers
 * queue in order, so a burst of launches is spread out instead of
 * hammering the API server.
 */
export function createTokenBucket(options: { qps: number; burst: number }): TokenBucket {
  if (!(options.qps > 0) || !(options.burst >= 1)) throw new Error("the token bucket needs qps > 0 and burst >= 1");
  let tokens = options.burst;
  let refilledAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let closed: Error | undefined;
  const queue: { resolve: () => void; reject: (error: Error) => void }[] = [];

  function refill() {
    const now = Date.now();
    tokens = Math.min(options.burst, tokens + ((now - refilledAt) / 1000) * options.qps);
    refilledAt = now;
  }

  function drain() {
    timer = undefined;
    refill();
    while (queue.length > 0 && tokens >= 1) {
      tokens -= 1;
      queue.shift()!.resolve();
    }
    if (queue.length > 0) timer = setTimeout(drain, Math.ceil(((1 - tokens) / options.qps) * 1000));
  }

  return {
    take() {
      if (closed) return Promise.reject(closed);
      return new Promise<void>((resolve, reject) => {
        queue.push({ resolve, reject });
        if (!timer) drain();
      });
    },
    close(reason) {
      closed = reason;
      clearTimeout(timer);
      timer = undefined;
      for (const waiter of queue.splice(0)) waiter.reject(reason);
    },
    get waiting() {
      return queue.length;
    },
  };
}
