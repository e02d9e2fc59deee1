import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../../db/schema.ts';
import { rootFilter, scopedKey, type Scope, type Scoped } from '../../../kernel/scope.ts';

/** A household the caller may see: the only way to its members, incomes, assets and timeline. */
export type HouseholdKey = Scoped<{ countyCode: string; householdId: number }>;

/**
 * The scoped root of the household tables: the household by its number, only when it lies in the
 * caller's scope (an area subtree, or a citizen's own households), with the key its child reads take.
 */
export async function findHousehold(db: Kysely<DB>, scope: Scope, householdNo: string) {
  const row = await db
    .selectFrom('households as h')
    .innerJoin('areas as v', 'v.code', 'h.village_code')
    .selectAll('h')
    .select('v.name as village_name')
    .where('h.county_code', '=', householdNo.slice(0, 6))
    .where('h.household_no', '=', householdNo)
    .where(rootFilter(scope, { area: 'h.village_code', householdNo: 'h.household_no' }))
    .executeTakeFirst();
  return row && { ...row, key: scopedKey({ countyCode: row.county_code, householdId: row.id }) };
}

/**
 * `findHousehold` with the household's members, incomes and assets (each in id order) in the same statement: a
 * household's page in one round trip, under the same scoped filter.
 */
export async function findHouseholdWithItems(db: Kysely<DB>, scope: Scope, householdNo: string) {
  return db
    .selectFrom('households as h')
    .innerJoin('areas as v', 'v.code', 'h.village_code')
    .selectAll('h')
    .select('v.name as village_name')
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom('members as m').selectAll('m').whereRef('m.county_code', '=', 'h.county_code').whereRef('m.household_id', '=', 'h.id').orderBy('m.id')).as('members'),
      jsonArrayFrom(eb.selectFrom('income_items as i').selectAll('i').whereRef('i.county_code', '=', 'h.county_code').whereRef('i.household_id', '=', 'h.id').orderBy('i.id')).as('incomes'),
      jsonArrayFrom(eb.selectFrom('assets as a').selectAll('a').whereRef('a.county_code', '=', 'h.county_code').whereRef('a.household_id', '=', 'h.id').orderBy('a.id')).as('assets'),
    ])
    .where('h.county_code', '=', householdNo.slice(0, 6))
    .where('h.household_no', '=', householdNo)
    .where(rootFilter(scope, { area: 'h.village_code', householdNo: 'h.household_no' }))
    .executeTakeFirst();
}
