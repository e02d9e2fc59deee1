import type { Kysely } from 'kysely';
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
