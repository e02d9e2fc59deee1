// Properties of the worksheet over random households (fast-check): the lines' amounts add up to the
// engine's total (低保) or monthly support (特困), and no line shows a parameter key, code or file name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain.ts';
import { householdFactsSchema } from '../facts.ts';
import { dibaoBenefit } from '../formulas/dibao-benefit.ts';
import { hardshipEligibility } from '../formulas/hardship-eligibility.ts';
import { hardshipSupport } from '../formulas/hardship-support.ts';
import { defaultParameterSet } from '../load-parameters.ts';
import { worksheetOf, type WorksheetLine } from './index.ts';

const params = defaultParameterSet();
const CODE = /[a-z]+_[a-z]+|\b[a-z]+\.[a-z]+\b/;

const person = fc.record({
  birthDate: fc.constantFrom('1940-02-02', '1955-10-01', '1980-05-05', '2003-03-03', '2012-07-07'),
  hukou: fc.constantFrom('urban' as const, 'rural' as const),
  workCapacity: fc.constantFrom('full' as const, 'none' as const),
  hasLegalSupporter: fc.boolean(),
  student: fc.boolean(),
  seriousIllness: fc.boolean(),
  categories: fc.subarray(['three_nos'] as const),
  wages: fc.integer({ min: 0, max: 150_000 }),
  business: fc.integer({ min: 0, max: 1_200_000 }),
  jobCosts: fc.integer({ min: 0, max: 20_000 }),
  assistance: fc.integer({ min: 0, max: 30_000 }),
  selfCare: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  mode: fc.constantFrom('institutional' as const, 'home_based' as const),
});

const household = fc.record({
  areaCode: fc.constantFrom('522701001001', '522722001001', '522790001001'),
  categories: fc.subarray(['family_planning', 'single_parent'] as const),
  deposits: fc.constantFrom(0, 0, 5_000_000),
  members: fc.array(person, { minLength: 1, maxLength: 5 }),
});

type Generated = typeof household extends fc.Arbitrary<infer T> ? T : never;

function toFacts(h: Generated) {
  return householdFactsSchema.parse({
    areaCode: h.areaCode,
    categories: h.categories,
    assets: { deposits: h.deposits },
    members: h.members.map(({ wages, business, jobCosts, assistance, selfCare, mode, ...rest }, i) => ({
      ...rest,
      id: String(100 + i),
      hardshipSupportMode: mode,
      selfCare: { eating: selfCare[0], dressing: selfCare[1], bedTransfer: selfCare[2], toileting: selfCare[3], indoorWalking: selfCare[4], bathing: selfCare[5] },
      incomes: [
        { kind: 'wages', amount: wages, period: 'month' },
        { kind: 'business', amount: business, period: 'year' },
        { kind: 'job_costs', amount: jobCosts, period: 'month' },
        { kind: 'social_assistance', amount: assistance, period: 'month' },
      ],
    })),
  });
}

const names = (h: Generated) => h.members.map((_, i) => ({ id: String(100 + i), name: `成员${i + 1}` }));
const sum = (lines: WorksheetLine[]) => lines.reduce((s, l) => s + (l.amountFen ?? 0), 0);

function expectWords(lines: WorksheetLine[]) {
  for (const l of lines) for (const text of [l.label, l.expression, l.basis]) expect(text).not.toMatch(CODE);
}

describe('worksheet properties', () => {
  it('低保: the amounts add up to the total, in words only', () => {
    fc.assert(
      fc.property(household, fc.constantFrom('2015-10', '2021-10', '2024-03'), (h, period) => {
        const facts = toFacts(h);
        const out = explain({ params, period }, facts.areaCode, (t) => dibaoBenefit(t, facts));
        const lines = worksheetOf(JSON.parse(JSON.stringify({ formula: 'dibao_benefit', ...out })), names(h), out.value.total);
        expect(sum(lines)).toBe(out.value.total);
        expect(lines.at(-1)?.label).toBe('合计');
        expectWords(lines);
      }),
      { numRuns: 200 },
    );
  });

  it('特困: the amounts add up to the monthly support, in words only', () => {
    fc.assert(
      fc.property(household, fc.constantFrom('2015-10', '2018-10', '2022-06'), (h, period) => {
        const facts = toFacts(h);
        const out = explain({ params, period }, facts.areaCode, (t) => {
          const eligibility = hardshipEligibility(t, facts, '100');
          return { eligibility, support: eligibility.eligible ? hardshipSupport(t, facts, '100') : null };
        });
        const lines = worksheetOf(JSON.parse(JSON.stringify({ formula: 'hardship_support', ...out })), names(h), out.value.support?.monthly ?? null);
        expect(sum(lines)).toBe(out.value.support?.monthly ?? 0);
        expectWords(lines);
      }),
      { numRuns: 200 },
    );
  });
});
