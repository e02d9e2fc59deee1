// The scenario's shares: every total exact at any scale, each county within one of its proportional share.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, scenarioPlan } from './plan.ts';
import { HARDSHIP_FLOWS, SEED } from './figures.ts';

const village = (county: string, i: number, urban: boolean) => ({ code: `${county}${String(i).padStart(6, '0')}`, name: `村${i}`, countyCode: county, townshipName: '镇', urban });

describe('apportion', () => {
  it('gives whole shares that sum to the total, each within one of the exact share', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
      const out = apportion(total, weights);
      expect(out.reduce((a, b) => a + b, 0)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0);
      out.forEach((n, i) => {
        expect(Number.isInteger(n) && n >= 0).toBe(true);
        if (sum > 0) expect(Math.abs(n - (total * weights[i]!) / sum)).toBeLessThan(1);
      });
    }));
  });
});

describe('scenarioPlan', () => {
  const villages = [
    ...Array.from({ length: 30 }, (_, i) => village('522701', i, i < 6)),
    ...Array.from({ length: 50 }, (_, i) => village('522722', i, i < 2)),
    ...Array.from({ length: 20 }, (_, i) => village('522790', i, false)),
  ];

  it('keeps the seed: 29.7万 persons, 29.2% fewer than a year earlier, the 特困 flows', () => {
    const p = scenarioPlan(villages, 1);
    expect(p.totals.dibao2015).toBe(SEED.dibaoPersons2015);
    expect(1 - p.totals.dibao2015 / p.totals.dibao2014).toBeCloseTo(SEED.dibaoReduction, 4);
    const stay = p.counties.reduce((n, c) => n + c.dibao.urban.stay + c.dibao.rural.stay, 0);
    const exit = p.counties.reduce((n, c) => n + c.dibao.urban.exit + c.dibao.rural.exit, 0);
    expect(stay).toBe(p.totals.dibao2015);
    expect(stay + exit).toBe(p.totals.dibao2014);
    expect(p.counties.reduce((n, c) => n + c.hardship.newInstitution, 0)).toBe(HARDSHIP_FLOWS.newInstitution);
    // A county without urban communities has no urban recipients.
    expect(p.counties.find((c) => c.countyCode === '522790')?.dibao.urban).toEqual({ stay: 0, exit: 0 });
  });

  it('refuses a scale outside (0, 1]', () => {
    for (const bad of [0, -0.5, 1.5, Number.NaN]) expect(() => scenarioPlan(villages, bad)).toThrow(RangeError);
  });
});
