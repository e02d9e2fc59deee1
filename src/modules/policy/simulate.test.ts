// The simulator's SQL agrees with the TypeScript formulas: on random small registries, its totals per
// county (households, persons, rural persons, monthly budget) equal the sums of dibao_benefit over the
// households read through facts-from-registry — under the current values and under a random draft.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope, userScope, type Scope } from '../../kernel/scope.ts';
import { createParameterSet, dibaoBenefit, explain, periodDate, type ParameterRow } from '../../policy/index.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { ASSET_KINDS, DISABILITY_KINDS, INCOME_KINDS, PERSON_CATEGORIES } from '../registry/contract.ts';
import { householdFactsFromRegistry, type Member } from '../registry/index.ts';
import { insertHousehold, insertMember, listRegistryHouseholds, replaceAssets, replaceIncomes } from '../registry/testing.ts';
import { parameterRows } from './service/parameters.ts';
import { simulateWithRows, withDraft, type SimulateInput } from './service/simulate.ts';

const VILLAGES = ['522701001001', '522701002001', '522722', '522790'] as const;

const member = fc.record({
  hukou: fc.constantFrom('urban' as const, 'rural' as const),
  birthDate: fc.constantFrom('1938-05-01', '1955-10-01', '1955-11-02', '1961-09-30', '1980-05-05', '2003-03-03', '2012-07-07'),
  workCapacity: fc.constantFrom('full' as const, 'partial' as const, 'none' as const),
  disability: fc.option(fc.record({ kind: fc.constantFrom(...DISABILITY_KINDS), grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) })),
  seriousIllness: fc.boolean(),
  student: fc.boolean(),
  categories: fc.subarray([...PERSON_CATEGORIES]),
});
const income = fc.record({
  member: fc.option(fc.nat(4)),
  kind: fc.constantFrom(...INCOME_KINDS),
  amount: fc.integer({ min: 0, max: 120_000 }),
  period: fc.constantFrom('month' as const, 'year' as const),
  source: fc.constantFrom('城乡居民基本养老保险', '企业职工基本养老金', '务工', ''),
});
const asset = fc.record({
  kind: fc.constantFrom(...ASSET_KINDS),
  value: fc.integer({ min: 0, max: 1_500_000 }),
  note: fc.constantFrom('摩托车', '农用三轮车', '小型轿车', '残疾人代步车', ''),
});
const household = fc.record({
  village: fc.nat(VILLAGES.length - 1),
  hukou: fc.constantFrom('urban' as const, 'rural' as const),
  agricultural: fc.boolean(),
  categories: fc.subarray(['family_planning', 'single_parent'] as const),
  members: fc.array(member, { minLength: 1, maxLength: 5 }),
  incomes: fc.array(income, { maxLength: 4 }),
  assets: fc.array(asset, { maxLength: 2 }),
});
const draft = fc.record({
  urban: fc.integer({ min: 300, max: 800 }),
  rural: fc.integer({ min: 1500, max: 6000 }),
  rate: fc.constantFrom(0, 0.15, 0.25, 0.3),
  county: fc.constantFrom('522701', '522722'),
});
type Generated = typeof household extends fc.Arbitrary<infer T> ? T : never;

describe(`simulator agrees with the formulas (${ENGINE})`, () => {
  let db: Database;
  let villages: string[];
  let rows: ParameterRow[];
  let serial = 0;
  beforeAll(async () => {
    db = await testDatabase();
    rows = await parameterRows(db);
    // One village of each chosen area (two townships of 都匀市, a tier-2 county, the functional zone).
    villages = await Promise.all(VILLAGES.map(async (v) => {
      const row = await db.kysely.selectFrom('areas').select('code').where('level', '=', 'village').where('code', 'like', `${v}%`).orderBy('code').executeTakeFirstOrThrow();
      return row.code;
    }));
  });
  afterAll(async () => db.close());

  async function replaceRegistry(list: Generated[]): Promise<void> {
    await db.kysely.transaction().execute(async (tx) => {
      for (const t of ['income_items', 'assets', 'members', 'registry_history', 'person_index', 'households'] as const) await tx.deleteFrom(t).execute();
      for (const h of list) {
        const village = villages[h.village] ?? '';
        const county = village.slice(0, 6);
        const id = await insertHousehold(tx, { householdNo: `${county}${String(++serial).padStart(8, '0')}`, countyCode: county, villageCode: village, hukou: h.hukou, address: '测试', phone: '', bankName: '', bankAccount: '', povertyFile: false, agricultural: h.agricultural, categories: h.categories });
        const ids = new Map<string, number>();
        const idNumbers: string[] = [];
        for (const [i, m] of h.members.entries()) {
          const idNumber = `T${serial}-${i}`;
          idNumbers.push(idNumber);
          const { disability, ...rest } = m;
          const person: Member = { ...rest, idNumber, name: '测试', sex: 'female', relation: i === 0 ? 'head' : 'child', leftBehind: null, disabilityKind: disability?.kind ?? null, disabilityGrade: disability?.grade ?? null };
          ids.set(idNumber, await insertMember(tx, county, id, person));
        }
        await replaceIncomes(tx, county, id, h.incomes.map((i) => ({ memberIdNumber: i.member === null ? null : (idNumbers[i.member] ?? null), kind: i.kind, amountFen: i.amount, period: i.period, source: i.source })), ids);
        await replaceAssets(tx, county, id, h.assets.map((a) => ({ memberIdNumber: null, kind: a.kind, valueFen: a.value, note: a.note })), ids);
      }
    });
  }

  /** The same figures from the TypeScript formulas, household by household. */
  async function byFormulas(scope: Scope, input: SimulateInput, draftRows: boolean) {
    const params = createParameterSet(draftRows ? withDraft(rows, input.draft, periodDate(input.month), null) : rows);
    const out = new Map<string, { households: number; persons: number; ruralPersons: number; monthly: number }>();
    for (const record of await listRegistryHouseholds(db.kysely, scope)) {
      const facts = householdFactsFromRegistry(record);
      const { value } = explain({ params, period: input.month }, facts.areaCode, (t) => dibaoBenefit(t, facts));
      if (!value.eligible) continue;
      const county = facts.areaCode.slice(0, 6);
      const f = out.get(county) ?? { households: 0, persons: 0, ruralPersons: 0, monthly: 0 };
      f.households += 1;
      f.persons += facts.members.length;
      f.ruralPersons += facts.members.filter((m) => m.hukou === 'rural').length;
      f.monthly += value.total;
      out.set(county, f);
    }
    return out;
  }

  it('gives the totals of dibao_benefit per county, current and draft, on both rule sets', async () => {
    let eligible = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(household, { minLength: 20, maxLength: 40 }), draft, fc.constantFrom('2015-10', '2021-10'), async (list, d, month) => {
        await replaceRegistry(list);
        const scope = systemScope('test');
        const input: SimulateInput = { month, draft: [
          { name: 'dibao.standard.urban', area: d.county, value: d.urban },
          { name: 'dibao.standard.rural', area: d.county, value: d.rural },
          { name: 'dibao.topup.rate.urban.student', area: '522700', value: d.rate },
        ] };
        const result = await simulateWithRows(db, scope, input, rows);
        eligible += result.total.current.households;
        for (const [scenario, expected] of [['current', await byFormulas(scope, input, false)], ['draft', await byFormulas(scope, input, true)]] as const) {
          for (const c of result.counties) {
            const e = expected.get(c.county) ?? { households: 0, persons: 0, ruralPersons: 0, monthly: 0 };
            const got = c[scenario];
            expect({ county: c.county, scenario, households: got.households, persons: got.persons, ruralPersons: got.ruralPersons, monthly: got.monthly }).toEqual({ county: c.county, scenario, ...e });
          }
          const total = [...expected.values()].reduce((a, f) => a + f.monthly, 0);
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
    expect(result.total.current.households).toBe(expected.get('522701')?.households ?? 0);
    expect(() => withDraft(rows, [{ name: 'dibao.standard.urban', area: '522701', value: 600 }], '2015-10-01', scope)).toThrow(/不在您的管辖范围内/);
  });
});
