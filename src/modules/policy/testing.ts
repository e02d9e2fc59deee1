// Test helpers of the policy module (its own twin tests, and other modules' tests of what they build on
// the twins): random registry households with everything the facts mapping reads or deliberately
// ignores, written straight into the registry tables, and a readable dump of one household.
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Database } from '../../db/engine.ts';
import { ASSET_KINDS, DISABILITY_KINDS, INCOME_KINDS, PERSON_CATEGORIES } from '../registry/contract.ts';
import type { Member, RegistryHousehold } from '../registry/index.ts';
import { insertHousehold, insertMember } from '../registry/testing.ts';

/** Standards and limits of 黔南州 2015 in fen, so that random amounts land on the boundaries too. */
const BOUNDARY_FEN = [49_500, 44_000, 22_000, 21_500, 74_250, 66_000, 33_000, 32_250, 99_000, 43_000];

/** A monthly or yearly amount: anywhere, or exactly on (or one fen off) a standard or a near-dibao limit. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 150_000 }),
  fc.tuple(fc.constantFrom(...BOUNDARY_FEN), fc.constantFrom(1, 2, 3, 12), fc.constantFrom(-1, 0, 1)).map(([b, n, d]) => Math.max(0, b * n + d)),
);

const birthDate = fc.oneof(
  // On and around the 60th and 70th birthdays of the simulated dates, 29 February included.
  fc.constantFrom('1955-10-01', '1955-10-02', '1961-10-01', '1961-10-02', '1964-02-28', '1964-02-29', '1964-03-01', '1951-07-01', '1938-05-01', '2021-07-01'),
  fc.integer({ min: Date.UTC(1925, 0, 1), max: Date.UTC(2021, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10)),
);

export const memberArbitrary = fc.record({
  hukou: fc.constantFrom('urban' as const, 'rural' as const),
  birthDate,
  workCapacity: fc.constantFrom('full' as const, 'partial' as const, 'none' as const),
  // Kind and grade recorded independently: the facts count a disability only when both are.
  disabilityKind: fc.option(fc.constantFrom(...DISABILITY_KINDS)),
  disabilityGrade: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const)),
  seriousIllness: fc.boolean(),
  student: fc.boolean(),
  categories: fc.subarray([...PERSON_CATEGORIES]),
});

export const incomeArbitrary = fc.record({
  /** A member by index; an index past the last member leaves the item with the household. */
  member: fc.option(fc.nat(5)),
  /** The registry's kinds, and one it does not know (mapped to `other`). */
  kind: fc.constantFrom(...INCOME_KINDS, 'gift'),
  amount,
  period: fc.constantFrom('month' as const, 'year' as const),
  /** The residents' basic pension is told by its source. */
  source: fc.constantFrom('城乡居民基本养老保险', '城乡居民', '企业职工基本养老金', '务工', ''),
});

export const assetArbitrary = fc.record({
  member: fc.option(fc.nat(5)),
  kind: fc.constantFrom(...ASSET_KINDS, 'land'),
  value: fc.oneof(fc.integer({ min: 0, max: 1_500_000 }), fc.constantFrom(594_000, 528_000, 264_000, 258_000, 594_001, 264_001)),
  /** Vehicle notes: first matching pattern wins (残疾人摩托车 is a mobility vehicle, 农用货车 a farm machine). */
  note: fc.constantFrom('摩托车', '农用三轮车', '农机', '小型轿车', '残疾人代步车', '残疾人摩托车', '农用货车', '货车', ''),
});

export const householdArbitrary = fc.record({
  village: fc.nat(99),
  /** The household's own hukou: the formula reads the members' instead. */
  hukou: fc.constantFrom('urban' as const, 'rural' as const),
  agricultural: fc.boolean(),
  povertyFile: fc.boolean(),
  categories: fc.subarray(['family_planning', 'single_parent'] as const),
  // A household without members has nothing to assess (no row; the facts mapping refuses it).
  members: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 30, arbitrary: fc.array(memberArbitrary, { minLength: 1, maxLength: 5 }) }),
  incomes: fc.array(incomeArbitrary, { maxLength: 5 }),
  assets: fc.array(assetArbitrary, { maxLength: 3 }),
});
export type GeneratedHousehold = typeof householdArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The first `count` village codes under `prefix`, in code order. */
export async function villagesUnder(db: Database, prefix: string, count = 1): Promise<string[]> {
  const rows = await db.kysely.selectFrom('areas').select('code').where('level', '=', 'village').where('code', 'like', `${prefix}%`).orderBy('code').limit(count).execute();
  if (rows.length < count) throw new Error(`fewer than ${count} villages under ${prefix}`);
  return rows.map((r) => r.code);
}

/**
 * The villages the twins' property tests spread households over: two of one township of 都匀市, one of
 * another township, one of a tier-2 county (荔波), one of the functional zone; and that first township.
 */
export async function twinVillages(db: Database): Promise<{ villages: string[]; township: string }> {
  const [v0, v1] = await villagesUnder(db, '522701001', 2);
  const villages = [v0!, v1!, ...(await villagesUnder(db, '522701002')), ...(await villagesUnder(db, '522722')), ...(await villagesUnder(db, '522790'))];
  return { villages, township: v0!.slice(0, 9) };
}

let serial = 0;

/** Empty the registry and write `list`, household `h` in `villages[h.village % villages.length]`. */
export async function replaceRegistry(db: Kysely<DB>, villages: readonly string[], list: readonly GeneratedHousehold[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const t of ['income_items', 'assets', 'members', 'registry_history', 'person_index', 'households'] as const) await tx.deleteFrom(t).execute();
    for (const h of list) {
      const village = villages[h.village % villages.length] ?? '';
      const county = village.slice(0, 6);
      const id = await insertHousehold(tx, { householdNo: `${county}${String(++serial).padStart(8, '0')}`, countyCode: county, villageCode: village, hukou: h.hukou, address: '测试', phone: '', bankName: '', bankAccount: '', povertyFile: h.povertyFile, agricultural: h.agricultural, categories: [...h.categories] });
      const ids: number[] = [];
      for (const [i, m] of h.members.entries()) {
        const person: Member = { ...m, categories: [...m.categories], idNumber: `T${serial}-${i}`, name: '测试', sex: 'female', relation: i === 0 ? 'head' : 'child', leftBehind: null };
        ids.push(await insertMember(tx, county, id, person));
      }
      const memberId = (i: number | null) => (i === null ? null : (ids[i] ?? null));
      if (h.incomes.length > 0) {
        await tx.insertInto('income_items').values(h.incomes.map((i) => ({ county_code: county, household_id: id, member_id: memberId(i.member), kind: i.kind, amount_fen: i.amount, period: i.period, source: i.source }))).execute();
      }
      if (h.assets.length > 0) {
        await tx.insertInto('assets').values(h.assets.map((a) => ({ county_code: county, household_id: id, member_id: memberId(a.member), kind: a.kind, value_fen: a.value, note: a.note }))).execute();
      }
    }
  });
}

/** A registry household as a failing property test prints it: the rows the facts are made from. */
export function dumpHousehold(record: RegistryHousehold): string {
  const { household, members, incomes, assets } = record;
  return JSON.stringify({
    household,
    members: members.map((m) => ({ id: m.id, hukou: m.hukou, birth: m.birth_date, work: m.work_capacity, disability: [m.disability_kind, m.disability_grade], ill: m.serious_illness, student: m.student, categories: m.categories })),
    incomes: incomes.map((i) => ({ member: i.member_id, kind: i.kind, amount: i.amount_fen, period: i.period, source: i.source })),
    assets: assets.map((a) => ({ member: a.member_id, kind: a.kind, value: a.value_fen, note: a.note })),
  });
}
export { invalidateParameters, parameterRows } from './service/parameters.ts';
