// The simulator's SQL agrees with the TypeScript formulas: on random small registries (testing.ts:
// members of either hukou, ages on the elderly boundary, categories, disabilities with or without a
// kind, incomes of every kind and period, pensions told by their source, deposits on the limit,
// vehicles told by their notes, businesses, houses, households without members), its totals per county
// (households, persons, rural persons, monthly budget) equal the sums of dibao_benefit over the
// households read through registry/facts.ts — under the current values and under a random draft
// (standards at county, township and village level, top-up rates, elderly age, severe disability
// grade, three-nos full standard, rounding unit, excluded income kinds, property limits), on months of
// both rule sets. A failing county is printed with its households' registry rows.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope, userScope, type Scope } from '../../kernel/scope.ts';
import { createParameterSet, dibaoBenefit, explain, periodDate, type ParameterRow } from '../../policy/index.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdFactsFromRegistry } from '../registry/index.ts';
import { listRegistryHouseholds } from '../registry/testing.ts';
import { parameterRows } from './service/parameters.ts';
import { simulateWithRows, withDraft, type SimulateInput } from './service/simulate.ts';
import { dumpHousehold, householdArbitrary, replaceRegistry, twinVillages } from './testing.ts';

const POLICY_KINDS = ['wages', 'business', 'property', 'transfer', 'pension_basic', 'pension_other', 'social_assistance', 'other'] as const;
const CATEGORIES = ['three_nos', 'elderly', 'serious_illness_disability', 'student', 'family_planning', 'single_parent'] as const;

type Totals = { households: number; persons: number; ruralPersons: number; monthly: number };
const zero = (): Totals => ({ households: 0, persons: 0, ruralPersons: 0, monthly: 0 });

describe(`simulator agrees with the formulas (${ENGINE})`, () => {
  let db: Database;
  let villages: string[];
  let township: string;
  let rows: ParameterRow[];
  beforeAll(async () => {
    db = await testDatabase();
    rows = await parameterRows(db);
    ({ villages, township } = await twinVillages(db));
  });
  afterAll(async () => db.close());

  const draftArbitrary = () => {
    const area = fc.constantFrom('522701', township, villages[0]!, '522722', '522700');
    const rate = fc.constantFrom(0, 0.15, 0.25, 0.3);
    return fc.array(fc.oneof(
      fc.record({ name: fc.constant('dibao.standard.urban'), area, value: fc.integer({ min: 300, max: 800 }) }),
      fc.record({ name: fc.constant('dibao.standard.rural'), area, value: fc.integer({ min: 1500, max: 6000 }) }),
      fc.record({ name: fc.constantFrom(...CATEGORIES.flatMap((c) => [`dibao.topup.rate.urban.${c}`, `dibao.topup.rate.rural.${c}`])), area, value: rate }),
      fc.record({ name: fc.constant('dibao.topup.elderly_age'), area, value: fc.constantFrom(55, 60, 70) }),
      fc.record({ name: fc.constant('dibao.topup.severe_disability_max_grade'), area, value: fc.constantFrom(1, 2, 3) }),
      fc.record({ name: fc.constant('dibao.benefit.three_nos_full_standard'), area, value: fc.boolean() }),
      fc.record({ name: fc.constant('dibao.benefit.rounding_unit'), area, value: fc.constantFrom(0.01, 0.1, 1, 10) }),
      fc.record({ name: fc.constant('dibao.income.excluded_kinds'), area, value: fc.subarray([...POLICY_KINDS]) }),
      fc.record({ name: fc.constant('dibao.property.deposit_months'), area, value: fc.constantFrom(0, 1.5, 6, 24) }),
      fc.record({ name: fc.constant('dibao.property.vehicle_allowed'), area, value: fc.boolean() }),
      fc.record({ name: fc.constant('dibao.property.business_registration_allowed'), area, value: fc.boolean() }),
      fc.record({ name: fc.constant('dibao.property.max_houses'), area, value: fc.constantFrom(0, 1, 2) }),
    ), { minLength: 1, maxLength: 6 });
  };

  /** The same figures from the TypeScript formulas, household by household, with the households per county. */
  async function byFormulas(scope: Scope, input: SimulateInput, draftRows: boolean) {
    const params = createParameterSet(draftRows ? withDraft(rows, input.draft, periodDate(input.month), null) : rows);
    const out = new Map<string, Totals>();
    const dumps = new Map<string, string[]>();
    for (const record of await listRegistryHouseholds(db.kysely, scope)) {
      const county = record.household.village_code.slice(0, 6);
      dumps.set(county, [...(dumps.get(county) ?? []), dumpHousehold(record)]);
      if (record.members.length === 0) continue;
      const facts = householdFactsFromRegistry(record);
      const { value } = explain({ params, period: input.month }, facts.areaCode, (t) => dibaoBenefit(t, facts));
      if (!value.eligible) continue;
      const f = out.get(county) ?? zero();
      f.households += 1;
      f.persons += facts.members.length;
      f.ruralPersons += facts.members.filter((m) => m.hukou === 'rural').length;
      f.monthly += value.total;
      out.set(county, f);
    }
    return { totals: out, dumps };
  }

  it('gives the totals of dibao_benefit per county, current and draft, on both rule sets', async () => {
    let eligible = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(householdArbitrary, { minLength: 20, maxLength: 40 }), draftArbitrary(), fc.constantFrom('2015-10', '2021-06', '2021-10', '2024-02'), async (list, draft, month) => {
        await replaceRegistry(db.kysely, villages, list);
        const scope = systemScope('test');
        const input: SimulateInput = { month, draft };
        const result = await simulateWithRows(db, scope, input, rows);
        eligible += result.total.current.households;
        for (const [scenario, expected] of [['current', await byFormulas(scope, input, false)], ['draft', await byFormulas(scope, input, true)]] as const) {
          for (const c of result.counties) {
            const { households, persons, ruralPersons, monthly } = c[scenario];
            const message = `${scenario} ${month}, draft ${JSON.stringify(draft)}, county ${c.county}:\n${(expected.dumps.get(c.county) ?? []).join('\n')}`;
            expect({ households, persons, ruralPersons, monthly }, message).toEqual(expected.totals.get(c.county) ?? zero());
          }
          const total = [...expected.totals.values()].reduce((a, f) => a + f.monthly, 0);
          expect(result.total[scenario].monthly).toBe(total);
          expect(result.total[scenario].yearly).toBe(total * 12);
        }
      }),
      { numRuns: 20, endOnFailure: true },
    );
    expect(eligible).toBeGreaterThan(20);
  }, 300_000);

  it('covers only the caller\'s scope', async () => {
    const scope = userScope({ id: 1, username: 'guanghui.caseworker', role: 'township_caseworker', areaCode: villages[0]!.slice(0, 9), department: null });
    const result = await simulateWithRows(db, scope, { month: '2015-10', draft: [] }, rows);
    const inTownship = await listRegistryHouseholds(db.kysely, scope);
    const all = await listRegistryHouseholds(db.kysely, systemScope('test'));
    expect(all.length).toBeGreaterThan(inTownship.length);
    expect(result.counties.every((c) => c.county === '522701')).toBe(true);
    const expected = await byFormulas(scope, { month: '2015-10', draft: [] }, false);
    expect(result.total.current.households).toBe(expected.totals.get('522701')?.households ?? 0);
    expect(() => withDraft(rows, [{ name: 'dibao.standard.urban', area: '522701', value: 600 }], '2015-10-01', scope)).toThrow(/不在您的管辖范围内/);
  });
});
