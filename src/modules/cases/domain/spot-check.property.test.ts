import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawSample, sampleSize } from './spot-check.ts';

const batch = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[0-9]{1,6}$/), flagged: fc.boolean() }), { selector: (c) => c.id, maxLength: 200 });
const ratio = fc.double({ min: 0, max: 1, noNaN: true });
const seed = fc.string({ minLength: 1, maxLength: 20 });

describe('county spot-check sample', () => {
  it('holds at least the ratio, every flagged case, only cases of the batch, and is the same when drawn again', () => {
    fc.assert(
      fc.property(batch, ratio, seed, (cases, r, s) => {
        const sample = drawSample(cases, r, s);
        expect(sample.length).toBeGreaterThanOrEqual(Math.ceil(cases.length * r - 1e-9));
        expect(sample.length).toBeLessThanOrEqual(cases.length);
        for (const c of cases.filter((x) => x.flagged)) expect(sample).toContain(c.id);
        const ids = new Set(cases.map((c) => c.id));
        expect(sample.every((id) => ids.has(id))).toBe(true);
        expect(new Set(sample).size).toBe(sample.length);
        expect(drawSample(cases, r, s)).toEqual(sample);
        expect(drawSample([...cases].reverse(), r, s)).toEqual(sample);
      }),
      { numRuns: 300 },
    );
  });

  it('draws no more than needed when few cases are flagged', () => {
    fc.assert(
      fc.property(batch, seed, (cases, s) => {
        const flagged = cases.filter((c) => c.flagged).length;
        expect(drawSample(cases, 0.3, s).length).toBe(Math.max(flagged, sampleSize(cases.length, 0.3)));
      }),
    );
  });

  it('rounds up: 3 of 10, 4 of 11 at 30%', () => {
    expect(sampleSize(10, 0.3)).toBe(3);
    expect(sampleSize(11, 0.3)).toBe(4);
    expect(sampleSize(0, 0.3)).toBe(0);
  });
});
