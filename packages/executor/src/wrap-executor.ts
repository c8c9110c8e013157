import type { Executor } from "./executor";

/**
 * An executor that behaves like `inner` except for the methods given: what a
 * wrapper that counts or records launches and kills returns. Every optional
 * method `inner` has (usage, lifecycle) is forwarded, and only those, so the
 * wrapper's caller sees the same capabilities as the backend's.
 */
export function wrapExecutor(inner: Executor, overrides: Partial<Pick<Executor, "launch" | "kill">>): Executor {
  return {
    name: inner.name,
    launch: overrides.launch ?? ((req) => inner.launch(req)),
    kill: overrides.kill ?? ((key, reason) => inner.kill(key, reason)),
    runningKeys: () => inner.runningKeys(),
    shutdown: () => inner.shutdown(),
    ...(inner.sampleUsage ? { sampleUsage: () => inner.sampleUsage!() } : {}),
    ...(inner.adopt ? { adopt: () => inner.adopt!() } : {}),
    ...(inner.detach ? { detach: () => inner.detach!() } : {}),
    ...(inner.health ? { health: () => inner.health!() } : {}),
  };
}
