/**
 * Coalesces requests for the same work per key, in this process: a request
 * is answered by a run that *starts after* it was made (so that run sees
 * everything the requester committed before asking), and requests arriving
 * while a run is in progress share a single follow-up run. N concurrent
 * requests cost at most two runs instead of N queued behind each other.
 */
export interface Coalesced<A> {
  (key: string, arg: A): Promise<void>;
  /** Whether a run for this key is in progress in this process. */
  isBusy(key: string): boolean;
}

export function coalesceByKey<A>(work: (key: string, arg: A) => Promise<void>): Coalesced<A> {
  interface Pending {
    arg: A;
    promise: Promise<void>;
    resolve: () => void;
    reject: (err: unknown) => void;
  }
  /** Keys with a run in progress, and the follow-up run requested meanwhile. */
  const busy = new Map<string, { next: Pending | null }>();

  const runThenDrain = (key: string, slot: { next: Pending | null }, arg: A): Promise<void> => {
    const run = work(key, arg);
    const drain = () => {
      const next = slot.next;
      if (!next) {
        busy.delete(key);
        return;
      }
      slot.next = null;
      runThenDrain(key, slot, next.arg).then(next.resolve, next.reject);
    };
    run.then(drain, drain);
    return run;
  };

  const request = (key: string, arg: A): Promise<void> => {
    const slot = busy.get(key);
    if (!slot) {
      const fresh = { next: null };
      busy.set(key, fresh);
      return runThenDrain(key, fresh, arg);
    }
    if (slot.next) return slot.next.promise;
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    slot.next = { arg, promise, resolve, reject };
    return promise;
  };
  return Object.assign(request, { isBusy: (key: string) => busy.has(key) });
}
