import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { HouseholdKey } from './roots.ts';
import type { Household } from '../domain/types.ts';

export const householdValues = (h: Household) => ({
  county_code: h.countyCode,
  household_no: h.householdNo,
  village_code: h.villageCode,
  hukou: h.hukou,
  address: h.address,
  phone: h.phone,
  bank_name: h.bankName,
  bank_account: h.bankAccount,
  poverty_file: h.povertyFile,
  agricultural: h.agricultural,
  categories: h.categories,
  poverty_causes: h.povertyCauses ?? [],
  main_poverty_cause: h.mainPovertyCause ?? null,
});

export async function insertHousehold(tx: Kysely<DB>, h: Household): Promise<number> {
  const row = await tx.insertInto('households').values(householdValues(h)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const NUMBER_TRIES = 1_000;

/** The next number of the household-number sequence, as a county's household number. */
const nextNumberOf = (countyCode: string) => sql<string>`${countyCode} || lpad(nextval('household_no_seq')::text, 8, '0')`;

/**
 * A new household under the next free household number of its county, the number drawn in the same statement: a
 * number already taken (a restored backup, rows written with numbers of their own) is passed over for the next
 * one, never answered with 500. `ON CONFLICT DO NOTHING` sees the taken number under row-level security too,
 * without reading the row.
 */
export async function insertNewHousehold(tx: Kysely<DB>, h: Omit<Household, 'householdNo'>): Promise<{ id: number; householdNo: string }> {
  const values = { ...householdValues({ ...h, householdNo: '' }), household_no: nextNumberOf(h.countyCode) };
  const insert = tx.insertInto('households').values(values).onConflict((oc) => oc.columns(['county_code', 'household_no']).doNothing()).returning(['id', 'household_no']);
  for (let i = 0; i < NUMBER_TRIES; i++) {
    const row = await insert.executeTakeFirst();
    if (row) return { id: Number(row.id), householdNo: row.household_no };
  }
  throw new Error(`no free household number for county ${h.countyCode} after ${NUMBER_TRIES} tries`);
}

export async function updateHousehold(tx: Kysely<DB>, countyCode: string, id: number, h: Partial<ReturnType<typeof householdValues>>): Promise<void> {
  await tx.updateTable('households').set({ ...h, updated_at: new Date() }).where('county_code', '=', countyCode).where('id', '=', id).execute();
}

export async function listMembers(db: Kysely<DB>, key: HouseholdKey) {
  return db.selectFrom('members').selectAll().where('county_code', '=', key.countyCode).where('household_id', '=', key.householdId).orderBy('id').execute();
}

export async function listIncomes(db: Kysely<DB>, key: HouseholdKey) {
  return db.selectFrom('income_items').selectAll().where('county_code', '=', key.countyCode).where('household_id', '=', key.householdId).orderBy('id').execute();
}

export async function listAssets(db: Kysely<DB>, key: HouseholdKey) {
  return db.selectFrom('assets').selectAll().where('county_code', '=', key.countyCode).where('household_id', '=', key.householdId).orderBy('id').execute();
}

export async function listHistory(db: Kysely<DB>, key: HouseholdKey) {
  return db.selectFrom('registry_history').selectAll().where('county_code', '=', key.countyCode).where('household_id', '=', key.householdId).orderBy('id', 'desc').execute();
}

export async function addHistory(tx: Kysely<DB>, scope: Scope, e: { countyCode: string; householdId: number; action: string; subject?: string | null; before?: unknown; after?: unknown }): Promise<void> {
  await tx
    .insertInto('registry_history')
    .values({
      county_code: e.countyCode,
      household_id: e.householdId,
      actor_id: scope.userId,
      actor_name: scope.userName,
      action: e.action,
      subject: e.subject ?? null,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}
