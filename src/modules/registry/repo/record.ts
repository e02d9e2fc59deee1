// One registry household as raw rows (unmasked, never returned as such): what the facts mapping
// (facts.ts) turns into the policy engine's HouseholdFacts.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import type { RegistryHousehold } from '../facts.ts';

export async function findRegistryHousehold(db: Kysely<DB>, scope: Scope, householdNo: string): Promise<RegistryHousehold | undefined> {
  const household = await db
    .selectFrom('households')
    .select(['county_code', 'id', 'household_no', 'village_code', 'categories'])
    .where('county_code', '=', householdNo.slice(0, 6))
    .where('household_no', '=', householdNo)
    .where(inScope(scope, 'village_code'))
    .executeTakeFirst();
  if (!household) return undefined;
  return recordOf(db, household);
}

/** By key, inside a use case that has already checked the household's scope (a case's household). */
export async function registryHouseholdById(db: Kysely<DB>, countyCode: string, id: number): Promise<RegistryHousehold> {
  const household = await db.selectFrom('households').select(['county_code', 'id', 'household_no', 'village_code', 'categories'])
    .where('county_code', '=', countyCode).where('id', '=', id).executeTakeFirstOrThrow();
  return recordOf(db, household);
}

async function recordOf(db: Kysely<DB>, household: { county_code: string; id: number; household_no: string; village_code: string; categories: string[] }): Promise<RegistryHousehold> {
  const by = { county: household.county_code, id: household.id };
  const [members, incomes, assets] = await Promise.all([
    db.selectFrom('members').selectAll().where('county_code', '=', by.county).where('household_id', '=', by.id).orderBy('id').execute(),
    db.selectFrom('income_items').selectAll().where('county_code', '=', by.county).where('household_id', '=', by.id).orderBy('id').execute(),
    db.selectFrom('assets').selectAll().where('county_code', '=', by.county).where('household_id', '=', by.id).orderBy('id').execute(),
  ]);
  return { household, members, incomes, assets };
}

/** Every household of a scope as registry rows (tests and small areas; not for the whole prefecture). */
export async function listRegistryHouseholds(db: Kysely<DB>, scope: Scope): Promise<RegistryHousehold[]> {
  const households = await db.selectFrom('households').select(['county_code', 'id', 'household_no', 'village_code', 'categories']).where(inScope(scope, 'village_code')).orderBy('id').execute();
  const out: RegistryHousehold[] = [];
  for (const h of households) {
    const found = await findRegistryHousehold(db, scope, h.household_no);
    if (found) out.push(found);
  }
  return out;
}
