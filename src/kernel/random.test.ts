import { describe, expect, it } from 'vitest';
import { createRandom, weightedTable } from './random.ts';

const draw = (seed: number | string, n: number): number[] => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRandom', () => {
  it('is deterministic for the same seed (number or string)', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw('黔南', 100)).toEqual(draw('黔南', 100));
  });

  it('gives a fixed sequence for a fixed seed, so runs on other machines match', () => {
    const rng = createRandom(1);
    const first = [rng.int(0, 1_000_000), rng.int(0, 1_000_000), rng.int(0, 1_000_000)];
    expect(first).toEqual(FIXED_SEED_1);
  });

  it('differs between seeds', () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
    expect(draw('a', 10)).not.toEqual(draw('b', 10));
  });

  it('stays in range and looks uniform', () => {
    const rng = createRandom(7);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const v = rng.int(1, 6);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('normal and logNormal have the asked mean and median', () => {
    const rng = createRandom(3);
    const n = 40_000;
    const xs = Array.from({ length: n }, () => rng.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    const ys = Array.from({ length: n }, () => rng.logNormal(Math.log(1000), 0.8)).sort((a, b) => a - b);
    expect(ys[n / 2]!).toBeGreaterThan(950);
    expect(ys[n / 2]!).toBeLessThan(1050);
  });

  it('weighted, pick and chance follow their weights', () => {
    const rng = createRandom(9);
    let a = 0, yes = 0;
    const table = weightedTable([['x', 1], ['y', 0], ['z', 3]] as const);
    const fromTable = { x: 0, y: 0, z: 0 };
    for (let i = 0; i < 20_000; i++) {
      if (rng.weighted([['a', 1], ['b', 3]] as const) === 'a') a++;
      if (rng.chance(0.1)) yes++;
      fromTable[table(rng)] += 1;
    }
    expect(a / 20_000).toBeCloseTo(0.25, 1);
    expect(yes / 20_000).toBeCloseTo(0.1, 1);
    expect(fromTable.y).toBe(0);
    expect(fromTable.x / 20_000).toBeCloseTo(0.25, 1);
    expect(['p', 'q']).toContain(rng.pick(['p', 'q']));
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.weighted([['a', 0]])).toThrow(RangeError);
  });
});

const FIXED_SEED_1 = [568606, 753929, 889394];
