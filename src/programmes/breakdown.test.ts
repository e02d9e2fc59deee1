// Issue 20, must-have 5 without a database: who is 五保, 三无 or 孤儿 (derived, or as the township set it),
// and the report's sentences of the 特困 breakdown and the causes of poverty, clauses of zero left out.
import { describe, expect, it } from 'vitest';
import { householdFactsSchema } from '../policy/index.ts';
import { causesParagraph } from './dibao/report.ts';
import { hardshipOrigin, originSummary, type HardshipOrigin } from './hardship/origin.ts';
import { hardshipReport } from './hardship/report.ts';
import type { FigureValue, ReportInput } from './stats.ts';

type P = { relation: 'head' | 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'other'; birthDate: string; hukou: 'urban' | 'rural' };
const facts = (people: P[]) => householdFactsSchema.parse({ areaCode: '522701001001', members: people.map((p, i) => ({ id: String(i + 1), ...p })) });

describe('a 特困 person\'s origin', () => {
  const adult = '1950-01-01';
  const minor = '2006-01-01';
  const cases: { name: string; people: P[]; given?: HardshipOrigin; origin: HardshipOrigin }[] = [
    { name: 'rural adult: 农村五保', people: [{ relation: 'head', birthDate: adult, hukou: 'rural' }], origin: 'five_guarantees' },
    { name: 'urban adult: 城市三无', people: [{ relation: 'head', birthDate: adult, hukou: 'urban' }], origin: 'three_nos' },
    { name: 'minor alone: 孤儿', people: [{ relation: 'head', birthDate: minor, hukou: 'urban' }], origin: 'orphan' },
    { name: 'minor with a grandparent as head: 孤儿', people: [{ relation: 'grandchild', birthDate: minor, hukou: 'rural' }, { relation: 'head', birthDate: '1940-01-01', hukou: 'rural' }], origin: 'orphan' },
    { name: 'minor child of the head: not an orphan', people: [{ relation: 'child', birthDate: minor, hukou: 'rural' }, { relation: 'head', birthDate: '1975-01-01', hukou: 'rural' }], origin: 'five_guarantees' },
    { name: 'minor head with a parent registered: not an orphan', people: [{ relation: 'head', birthDate: minor, hukou: 'urban' }, { relation: 'parent', birthDate: '1975-01-01', hukou: 'urban' }], origin: 'three_nos' },
    { name: 'eighteen on the decision date: an adult', people: [{ relation: 'head', birthDate: '1997-03-20', hukou: 'rural' }], origin: 'five_guarantees' },
    { name: 'set by the township: wins', people: [{ relation: 'child', birthDate: minor, hukou: 'rural' }, { relation: 'head', birthDate: '1975-01-01', hukou: 'rural' }], given: 'orphan', origin: 'orphan' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(hardshipOrigin(facts(c.people), '1', '2015-03-20', c.given)).toBe(c.origin);
    });
  }

  it('counts 1 under its origin and 0 under the others; nothing for an applicant not in the household', () => {
    expect(originSummary('orphan')).toEqual({ fiveGuarantees: 0, threeNos: 0, orphans: 1 });
    expect(hardshipOrigin(facts([{ relation: 'head', birthDate: adult, hukou: 'rural' }]), '9', '2015-03-20')).toBeNull();
    expect(originSummary(null)).toEqual({ fiveGuarantees: 0, threeNos: 0, orphans: 0 });
  });
});

/** A report input of these figure values (everything else null). */
function input(values: Record<string, number>): ReportInput {
  return {
    year: 2015, place: '全州', level: 'prefecture', units: { count: 2, word: '县（市、区）' }, paid: null,
    figure: (key: string): FigureValue => ({ value: values[key] ?? null, prev: null, change: null }),
  };
}
const hardshipText = (values: Record<string, number>) => {
  const first = hardshipReport.section!(input(values))[0]!;
  return first.type === 'paragraph' ? first.text : '';
};

describe('the report\'s 特困 breakdown and causes of poverty', () => {
  const hardship: { name: string; values: Record<string, number>; says: string }[] = [
    { name: 'all three', values: { persons: 10072, fiveGuarantees: 8000, threeNos: 1500, orphans: 572, institutional: 3935 }, says: '全州供养特困人员10072人，其中农村五保对象8000人、城市三无人员1500人、孤儿572人，集中供养对象3935人' },
    { name: 'no orphans: left out', values: { persons: 10, fiveGuarantees: 7, threeNos: 3, orphans: 0, institutional: 4 }, says: '全州供养特困人员10人，其中农村五保对象7人、城市三无人员3人，集中供养对象4人' },
    { name: 'no breakdown (decisions before it): as before', values: { persons: 5, institutional: 2 }, says: '全州供养特困人员5人，其中集中供养对象2人' },
  ];
  for (const c of hardship) it(`特困: ${c.name}`, () => expect(hardshipText(c.values)).toContain(c.says));

  const causes: { name: string; values: Record<string, number>; says: string | null }[] = [
    { name: 'illness and disaster', values: { households: 200, illnessHouseholds: 50, disasterHouseholds: 10 }, says: '4、致贫原因。全州低保户中，因病致贫返贫50户，占25.00%；因灾致贫返贫10户，占5.00%。' },
    { name: 'no disaster: left out, other causes told', values: { households: 8, illnessHouseholds: 2, lackOfLabourHouseholds: 1, otherCauseHouseholds: 1 }, says: '4、致贫原因。全州低保户中，因病致贫返贫2户，占25.00%；缺劳力致贫1户，占12.50%；其他原因致贫1户，占12.50%。' },
    { name: 'no cause recorded: no paragraph', values: { households: 8 }, says: null },
  ];
  for (const c of causes) it(`causes: ${c.name}`, () => expect(causesParagraph(input(c.values))).toBe(c.says));
});
