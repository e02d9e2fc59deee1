/**
 * A small seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) for demo data,
 * reproducible spot checks and tests: the same seed gives the same sequence on every run and platform.
 * Not for secrets.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** One value, chosen with probability proportional to its weight (weights ≥ 0, sum > 0). */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  normal(mean: number, sd: number): number;
  /** exp(N(mu, sigma)): the median is exp(mu). */
  logNormal(mu: number, sigma: number): number;
}

/** Hashes a string seed to 32 bits (FNV-1a), so `--seed demo` works as well as `--seed 42`. */
function seedBits(seed: number | string): number {
  if (typeof seed === 'number') return ((seed >>> 0) ^ (Math.floor(seed / 0x1_0000_0000) >>> 0)) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function createRandom(seed: number | string): Random {
  let x = seedBits(seed);
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const nextU32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = rotl(d, 11);
    return r;
  };
  const next = (): number => nextU32() / 0x1_0000_0000;
  let spare: number | null = null;
  const gauss = (): number => {
    if (spare !== null) { const s = spare; spare = null; return s; }
    // Box–Muller; 1 - next() keeps the logarithm finite.
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: <T>(pairs: readonly (readonly [T, number])[]): T => pickWeighted(pairs, next()),
    chance: (p) => next() < p,
    normal: (mean, sd) => mean + sd * gauss(),
    logNormal: (mu, sigma) => Math.exp(mu + sigma * gauss()),
  };
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}

function pickWeighted<T>(pairs: readonly (readonly [T, number])[], u: number): T {
  let total = 0;
  for (const [, w] of pairs) total += w;
  if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
  let target = u * total;
  let last: T | undefined;
  for (const [value, w] of pairs) {
    if (target < w) return value;
    target -= w;
    if (w > 0) last = value;
  }
  // Floating-point leftovers land on the last positive weight.
  return last as T;
}

/**
 * A precomputed weighted table for large lists sampled many times (e.g. 1,464 villages × 300,000
 * households): O(log n) per draw instead of O(n).
 */
export function weightedTable<T>(pairs: readonly (readonly [T, number])[]): (rng: Random) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, w] of pairs) {
    if (!(w > 0)) continue;
    total += w;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new RangeError('weighted table needs a positive total weight');
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid; else lo = mid + 1;
    }
    return values[lo] as T;
  };
}
