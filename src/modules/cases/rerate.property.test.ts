// Bulk re-rating: every new amount of a draft equals the TypeScript formula on the new parameters.
// 低保: random registry households (policy/testing.ts: members of either hukou, ages on the elderly
// boundary, categories, disabilities, incomes of every kind and period, deposits on the limits,
// vehicles, businesses) in payment in 都匀市, then random new values from the effective month (standards
// at county, township or village level, top-up rates, elderly age, rounding unit) → each item's amount,
// persons, statistics summary and members' top-up categories equal `dibaoBenefit` on
// `householdFactsFromRegistry`, or the item is `review` where the formula finds the household not
// eligible. 特困: random self-care assessments, forms of support and hukou → `hardshipSupport`.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import { explain, hardshipSupport, periodDate, ruleSetFor, createParameterSet, type ParameterRow } from '../../policy/index.ts';
import { dibaoBenefitOf } from '../../programmes/dibao/benefit.ts';
import { withApplicant } from '../../programmes/hardship/benefit.ts';
import type { HardshipContext } from '../../programmes/hardship/context.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdFactsFromRegistry, registryHouseholdById, type Member } from '../registry/index.ts';
import { insertHousehold, insertMember } from '../registry/testing.ts';
import { householdArbitrary, memberArbitrary, type GeneratedHousehold } from '../policy/testing.ts';
import { dumpHousehold } from '../policy/testing.ts';
import { invalidateParameters, parameterRows } from '../policy/testing.ts';
import { decideInBulk } from './service/bulk-decide.ts';
import { discardRerate, draftRerate } from './service/rerate.ts';

const COUNTY = '522701';
const CATEGORIES = ['three_nos', 'elderly', 'serious_illness_disability', 'student', 'family_planning', 'single_parent'] as const;
type Item = { household_id: string; case_id: string; applicant_member_id: string; context: HardshipContext; new_amount_fen: string | null; persons: number; outcome: string; summary: Record<string, number>; worksheet: { members?: { category: string | null }[] } };

describe(`re-rating equals the formulas on the new parameters (${ENGINE})`, () => {
  let db: Database;
  let villages: string[];
  let serial = 0;
  let month = 0;
  const scope = systemScope('test');
  beforeAll(async () => {
    db = await testDatabase();
    villages = (await db.kysely.selectFrom('areas').select('code').where('level', '=', 'village').where('code', 'like', `${COUNTY}%`).orderBy('code').limit(400).execute())
      .map((r) => r.code).filter((_, i) => i % 97 === 0 || i === 1);
  });
  afterAll(async () => db?.close());

  async function addHouseholds(list: readonly GeneratedHousehold[]): Promise<void> {
    await db.kysely.transaction().execute(async (tx) => {
      for (const h of list) {
        const village = villages[h.village % villages.length]!;
        const id = await insertHousehold(tx, { householdNo: `${COUNTY}${String(90_000_000 + ++serial)}`, countyCode: COUNTY, villageCode: village, hukou: h.hukou, address: '测试', phone: '', bankName: '', bankAccount: '', povertyFile: h.povertyFile, agricultural: h.agricultural, categories: [...h.categories] });
        const ids: number[] = [];
        for (const [i, m] of h.members.entries()) {
          const person: Member = { ...m, categories: [...m.categories], idNumber: `R${serial}-${i}`, name: `成员${i + 1}`, sex: 'female', relation: i === 0 ? 'head' : 'child', leftBehind: null };
          ids.push(await insertMember(tx, COUNTY, id, person));
        }
        const memberId = (i: number | null) => (i === null ? null : (ids[i] ?? null));
        if (h.incomes.length > 0) await tx.insertInto('income_items').values(h.incomes.map((i) => ({ county_code: COUNTY, household_id: id, member_id: memberId(i.member), kind: i.kind, amount_fen: i.amount, period: i.period, source: i.source }))).execute();
        if (h.assets.length > 0) await tx.insertInto('assets').values(h.assets.map((a) => ({ county_code: COUNTY, household_id: id, member_id: memberId(a.member), kind: a.kind, value_fen: a.value, note: a.note }))).execute();
      }
    });
  }

  /** Households without a case of the programme become its recipients (amount 1 fen) from June 2025. */
  async function makeRecipients(programme: 'dibao' | 'hardship', context: (n: number) => object): Promise<void> {
    const contexts = JSON.stringify(Array.from({ length: 50 }, (_, i) => context(i)));
    const picked = sql`select h.county_code, h.id as household_id, h.village_code as area_code, 1 as amount_fen, 1 as persons, '{}'::jsonb as summary,
        cast(${contexts} as jsonb) -> (h.id % 50)::int as context, '{}'::jsonb as explanation, null::text as source_key, h.id as ord
      from households h where h.county_code = ${COUNTY} and not exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id and c.programme = ${programme})`;
    await db.kysely.transaction().execute((tx) => decideInBulk(tx, {
      programme, picked, applicant: 'head', ruleSet: 'cn-2021', decidedOn: '2025-05-10', action: 'approve', fromState: 'county_review', state: 'approved', phase: 'payable',
      actor: { id: null, name: '测试', role: 'county_approver' }, transitionData: {}, reason: '测试', fromMonth: '2025-06', schedule: 'monthly',
    }));
  }

  async function addValues(values: readonly { name: string; area: string; value: unknown }[], effective: string): Promise<void> {
    const unique = [...new Map(values.map((v) => [`${v.name}|${v.area}`, v])).values()];
    if (unique.length === 0) return;
    await db.kysely.insertInto('policy_values').values(unique.map((v) => ({ name: v.name, area: v.area, rule_set: null, effective, value: JSON.stringify(v.value), origin: 'api', created_by: 'test' }))).execute();
    // Written past the service (which drops the cache itself): on a server the change's notice arrives a moment
    // after the commit (src/modules/policy/service/parameters.ts), and the rows below must be the new ones now.
    invalidateParameters(db);
  }

  async function draft(programme: 'dibao' | 'hardship', effectiveMonth: string) {
    const b = await draftRerate(db, scope, { programme, effectiveMonth, reason: '测试调标', county: COUNTY });
    const { rows } = await sql<Item>`select i.household_id, i.case_id, c.applicant_member_id, c.context, i.new_amount_fen, i.persons, i.outcome, i.summary, i.worksheet
      from rerate_items i join rerate_batches b on b.county_code = i.county_code and b.id = i.batch_id join cases c on c.county_code = i.county_code and c.id = i.case_id
      where b.batch_no = ${b.batchNo}`.execute(db.kysely);
    return { batchNo: b.batchNo, items: rows };
  }

  const nextMonth = () => `2026-${String(++month).padStart(2, '0')}`;

  it('低保: amount, persons, summary and top-up categories equal dibaoBenefit', async () => {
    const area = fc.constantFrom(COUNTY, villages[0]!.slice(0, 9), villages[1]!);
    const change = fc.array(fc.oneof(
      fc.record({ name: fc.constant('dibao.standard.urban'), area, value: fc.integer({ min: 300, max: 900 }) }),
      fc.record({ name: fc.constant('dibao.standard.rural'), area, value: fc.integer({ min: 1500, max: 9000 }) }),
      fc.record({ name: fc.constantFrom(...CATEGORIES.flatMap((c) => [`dibao.topup.rate.urban.${c}`, `dibao.topup.rate.rural.${c}`])), area, value: fc.constantFrom(0, 0.1, 0.2, 0.3) }),
      fc.record({ name: fc.constant('dibao.topup.elderly_age'), area, value: fc.constantFrom(60, 70) }),
      fc.record({ name: fc.constant('dibao.benefit.rounding_unit'), area, value: fc.constantFrom(0.01, 1, 10) }),
    ), { minLength: 1, maxLength: 5 });
    let compared = 0;
    await fc.assert(fc.asyncProperty(fc.array(householdArbitrary, { minLength: 4, maxLength: 12 }), change, async (list, values) => {
      await addHouseholds(list);
      await makeRecipients('dibao', () => ({ stability: 'stable' }));
      const effectiveMonth = nextMonth();
      const date = periodDate(effectiveMonth);
      await addValues(values, date);
      const rows: ParameterRow[] = await parameterRows(db);
      const params = createParameterSet(rows);
      const ruleSet = ruleSetFor(date, params);
      const { batchNo, items } = await draft('dibao', effectiveMonth);
      for (const item of items) {
        const record = await registryHouseholdById(db.kysely, COUNTY, Number(item.household_id));
        const household = householdFactsFromRegistry(record);
        const out = dibaoBenefitOf({ household, applicantId: '', context: {}, params, ruleSet, date, areaCode: household.areaCode, ledger: {} });
        const message = `${effectiveMonth} ${JSON.stringify(values)}\n${dumpHousehold(record)}`;
        if ('code' in out) {
          expect(item.outcome, message).toBe('review');
          continue;
        }
        compared += 1;
        expect({ amount: Number(item.new_amount_fen), persons: item.persons, summary: item.summary }, message).toEqual({ amount: out.amountFen, persons: out.persons, summary: out.summary });
        const members = (out.explanation as { value: { members: { topupCategory: string | null }[] } }).value.members;
        expect(item.worksheet.members?.map((m) => m.category), message).toEqual(members.map((m) => m.topupCategory));
      }
      await discardRerate(db, scope, batchNo);
    }), { numRuns: 8, endOnFailure: true });
    expect(compared).toBeGreaterThan(10);
  }, 300_000);

  it('特困: amount equals hardshipSupport for the recorded assessment and form of support', async () => {
    const selfCare = fc.record({ eating: fc.boolean(), dressing: fc.boolean(), bedTransfer: fc.boolean(), toileting: fc.boolean(), indoorWalking: fc.boolean(), bathing: fc.boolean() });
    const ctx = fc.record({ selfCare, support: fc.record({ mode: fc.constantFrom('institutional' as const, 'home_based' as const), hasLegalSupporter: fc.constant(false), supporterAble: fc.constant(false) }) });
    const change = fc.array(fc.oneof(
      fc.record({ name: fc.constantFrom('hardship.support.institutional', 'hardship.support.home_based'), area: fc.constantFrom(COUNTY, villages[1]!), value: fc.integer({ min: 2000, max: 12000 }) }),
      fc.record({ name: fc.constantFrom('hardship.support.care.self_care', 'hardship.support.care.partial', 'hardship.support.care.full'), area: fc.constant(COUNTY), value: fc.integer({ min: 0, max: 800 }) }),
      fc.record({ name: fc.constant('hardship.support.basic_living_factor'), area: fc.constant(COUNTY), value: fc.constantFrom(0, 1.3, 1.5) }),
      fc.record({ name: fc.constant('dibao.standard.urban'), area: fc.constant(COUNTY), value: fc.integer({ min: 300, max: 900 }) }),
    ), { minLength: 1, maxLength: 4 });
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ member: memberArbitrary, village: fc.nat(9) }), { minLength: 3, maxLength: 8 }), fc.array(ctx, { minLength: 50, maxLength: 50 }), change, async (people, contexts, values) => {
      await addHouseholds(people.map((p) => ({ village: p.village, hukou: p.member.hukou, agricultural: false, povertyFile: false, categories: [], members: [p.member], incomes: [], assets: [] })));
      await makeRecipients('hardship', (i) => contexts[i]!);
      const effectiveMonth = nextMonth();
      const date = periodDate(effectiveMonth);
      await addValues(values, date);
      const params = createParameterSet(await parameterRows(db));
      const ruleSet = ruleSetFor(date, params);
      const { batchNo, items } = await draft('hardship', effectiveMonth);
      for (const item of items) {
        const household = householdFactsFromRegistry(await registryHouseholdById(db.kysely, COUNTY, Number(item.household_id)));
        const applicant = String(item.applicant_member_id);
        const facts = withApplicant(household, applicant, item.context);
        const { value } = explain({ params, period: date, ruleSet }, facts.areaCode, (t) => hardshipSupport(t, facts, applicant));
        expect(Number(item.new_amount_fen), `${effectiveMonth} ${JSON.stringify(values)} ${JSON.stringify(item.context)}`).toBe(value.monthly);
        expect(item.summary).toEqual({ institutional: value.mode === 'institutional' ? 1 : 0 });
      }
      await discardRerate(db, scope, batchNo);
    }), { numRuns: 4, endOnFailure: true });
  }, 300_000);
});
