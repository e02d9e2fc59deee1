import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../../kernel/id-number.ts';
import { IdAllocator } from './id-allocator.ts';
import { qiannanVillages } from './qiannan.fixture.ts';
import { demoPartRecords, demoParts } from './parts.ts';

const villages = qiannanVillages();
const TOWNSHIPS = ['522701001', '522701002'];

describe('demo load: ID numbers unique by construction', () => {
  it('a large load (prefecture and township parts) never hands out one ID number twice', () => {
    const parts = demoParts(60_000, 'demo', villages, TOWNSHIPS);
    expect(parts.map((p) => p.count)).toEqual([60_000, 300, 300]);
    const seen = new Set<string>();
    let people = 0, households = 0;
    for (const r of demoPartRecords(parts)) {
      households++;
      for (const m of r.members) {
        people++;
        seen.add(m.idNumber);
      }
    }
    expect(households).toBe(60_600);
    // Before the parts shared one allocator, about two in three township households repeated someone of the prefecture.
    expect(seen.size).toBe(people);
  }, 60_000);

  it('two seeds drawing against one allocator never collide (property)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 400 }), (a, b, n) => {
      const own = villages.filter((v) => v.code.startsWith('522701001'));
      const ids = [...demoPartRecords([{ seed: a, count: n, villages: own }, { seed: b, count: n, villages: own }])].flatMap((r) => r.members.map((m) => m.idNumber));
      expect(new Set(ids).size).toBe(ids.length);
    }), { numRuns: 30 });
  });

  it('the allocator hands out valid, distinct numbers for any draw of area, birth day and sex (property)', () => {
    const draw = fc.record({
      prefix: fc.constantFrom('522701', '522702', '522722'),
      day: fc.integer({ min: 0, max: 40 }),
      sex: fc.constantFrom('male' as const, 'female' as const),
    });
    fc.assert(fc.property(fc.array(draw, { minLength: 1, maxLength: 3_000 }), (draws) => {
      const ids = new IdAllocator('2015-06-30');
      const out = draws.map((d) => ({ d, ...ids.next(d.prefix, `2015-06-${String(30 - (d.day % 30)).padStart(2, '0')}`, d.sex) }));
      expect(new Set(out.map((o) => o.idNumber)).size).toBe(out.length);
      for (const o of out) {
        const p = parseIdNumber(o.idNumber);
        expect(p.ok && p.sex === o.d.sex && p.birthDate === o.birthDate).toBe(true);
      }
    }), { numRuns: 40 });
  });
});
