/** A seeded pseudo-random source (mulberry32): a chaos test prints its seed so a failing run can be replayed. */
export interface SeededRandom {
  readonly seed: number;
  /** Uniform in [0, 1), like Math.random. */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** `seed`: an unsigned 32-bit integer; the same seed gives the same sequence. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed: seed >>> 0,
    next,
    between: (min, max) => min + next() * (max - min),
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/** The seed to use: `fromEnv` (e.g. UPDRAFT_CHAOS_SEED, to replay a printed seed) when set, else a fresh one. */
export function chooseSeed(fromEnv: string | undefined): number {
  if (fromEnv !== undefined && fromEnv !== "") {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer in 0..4294967295, got ${JSON.stringify(fromEnv)}`);
    return seed;
  }
  return Math.floor(Math.random() * 0x100000000);
}
