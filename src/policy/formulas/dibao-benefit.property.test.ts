// Properties of the dibao benefit over random households (fast-check): never negative, the total is
// the sum of the member shares, and more income never raises the benefit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain.ts';
import { householdFactsSchema, type HouseholdFacts } from '../facts.ts';
import { defaultParameterSet } from '../load-parameters.ts';
import { dibaoBenefit } from './dibao-benefit.ts';

const params = defaultParameterSet();

const person = fc.record({
  birthDate: fc.constantFrom('1940-02-02', '1955-10-01', '1980-05-05', '2003-03-03', '2012-07-07'),
  hukou: fc.constantFrom('urban' as const, 'rural' as const),
  workCapacity: fc.constantFrom('full' as const, 'none' as const),
  hasLegalSupporter: fc.boolean(),
  student: fc.boolean(),
  seriousIllness: fc.boolean(),
  wages: fc.integer({ min: 0, max: 150_000 }),
  business: fc.integer({ min: 0, max: 1_200_000 }),
});

const household = fc.record({
  areaCode: fc.constantFrom('522701001001', '522722001001', '522790001001'),
  categories: fc.subarray(['family_planning', 'single_parent'] as const),
  members: fc.array(person, { minLength: 1, maxLength: 5 }),
});

type Generated = { areaCode: string; categories: ('family_planning' | 'single_parent')[]; members: { wages: number; business: number }[] } & Record<string, unknown>;

function toFacts(h: Generated, extraWages = 0): HouseholdFacts {
  return householdFactsSchema.parse({
    areaCode: h.areaCode,
    categories: h.categories,
    members: h.members.map(({ wages, business, ...rest }, i) => ({
      ...rest,
      id: `p${i + 1}`,
      incomes: [
        { kind: 'wages', amount: wages + (i === 0 ? extraWages : 0), period: 'month' },
        { kind: 'business', amount: business, period: 'year' },
      ],
    })),
  });
}

const run = (facts: HouseholdFacts, period: string) => explain({ params, period }, facts.areaCode, (t) => dibaoBenefit(t, facts));

describe('dibao benefit properties', () => {
  it('is never negative and equals the sum of the member shares', () => {
    fc.assert(
      fc.property(household, fc.constantFrom('2015-10', '2021-10'), (h, period) => {
        const { value } = run(toFacts(h), period);
        expect(value.total).toBeGreaterThanOrEqual(0);
        expect(value.total).toBe(value.members.reduce((s, m) => s + m.share, 0));
        for (const m of value.members) expect(m.share).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('does not increase when a member earns more', () => {
    fc.assert(
      fc.property(household, fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('2015-10', '2021-10'), (h, extra, period) => {
        const before = run(toFacts(h), period).value.total;
        const after = run(toFacts(h, extra), period).value.total;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
