import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Asset, IncomeItem, Member } from '../domain/types.ts';

export const memberValues = (countyCode: string, householdId: number, m: Member) => ({
  county_code: countyCode,
  household_id: householdId,
  id_number: m.idNumber,
  name: m.name,
  sex: m.sex,
  birth_date: m.birthDate,
  relation: m.relation,
  hukou: m.hukou,
  work_capacity: m.workCapacity,
  disability_kind: m.disabilityKind,
  disability_grade: m.disabilityGrade,
  serious_illness: m.seriousIllness,
  student: m.student,
  categories: m.categories,
  left_behind: m.leftBehind,
  phone: m.phone ?? '',
});

/** Where each of these ID numbers is registered now (any county). */
export async function findRegistered(db: Kysely<DB>, idNumbers: string[]) {
  if (idNumbers.length === 0) return [];
  return db
    .selectFrom('person_index as p')
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'))
    .innerJoin('areas as c', 'c.code', 'p.county_code')
    .select(['p.id_number', 'p.county_code', 'c.name as county_name', 'h.household_no', 'h.village_code', 'p.member_id', 'p.household_id'])
    .where('p.id_number', 'in', idNumbers)
    .execute();
}

/** A member and its entry in the person index, in one statement. */
export async function insertMember(tx: Kysely<DB>, countyCode: string, householdId: number, m: Member): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    with m as (${tx.insertInto('members').values(memberValues(countyCode, householdId, m)).returning('id')}),
    p as (insert into person_index (id_number, county_code, member_id, household_id) select ${m.idNumber}, ${countyCode}, m.id, cast(${householdId} as bigint) from m)
    select id from m`.execute(tx);
  const row = rows[0];
  if (!row) throw new Error('member not inserted');
  return Number(row.id);
}

export async function updateMember(tx: Kysely<DB>, countyCode: string, memberId: number, m: Member): Promise<void> {
  const { county_code: _c, household_id: _h, id_number: _i, ...fields } = memberValues(countyCode, 0, m);
  await tx.updateTable('members').set(fields).where('county_code', '=', countyCode).where('id', '=', memberId).execute();
}

export async function deleteMember(tx: Kysely<DB>, countyCode: string, memberId: number, idNumber: string): Promise<void> {
  await tx.deleteFrom('income_items').where('county_code', '=', countyCode).where('member_id', '=', memberId).execute();
  await tx.deleteFrom('assets').where('county_code', '=', countyCode).where('member_id', '=', memberId).execute();
  await tx.deleteFrom('members').where('county_code', '=', countyCode).where('id', '=', memberId).execute();
  await tx.deleteFrom('person_index').where('id_number', '=', idNumber).execute();
}

export async function replaceIncomes(tx: Kysely<DB>, countyCode: string, householdId: number, items: IncomeItem[], memberIds: Map<string, number>): Promise<void> {
  await tx.deleteFrom('income_items').where('county_code', '=', countyCode).where('household_id', '=', householdId).execute();
  await insertIncomes(tx, countyCode, householdId, items, memberIds);
}

/** A household's income items, added to those it has (none: a new household). */
export async function insertIncomes(tx: Kysely<DB>, countyCode: string, householdId: number, items: IncomeItem[], memberIds: Map<string, number>): Promise<void> {
  if (items.length === 0) return;
  await tx
    .insertInto('income_items')
    .values(items.map((i) => ({ county_code: countyCode, household_id: householdId, member_id: i.memberIdNumber ? (memberIds.get(i.memberIdNumber) ?? null) : null, kind: i.kind, amount_fen: i.amountFen, period: i.period, source: i.source })))
    .execute();
}

export async function replaceAssets(tx: Kysely<DB>, countyCode: string, householdId: number, items: Asset[], memberIds: Map<string, number>): Promise<void> {
  await tx.deleteFrom('assets').where('county_code', '=', countyCode).where('household_id', '=', householdId).execute();
  await insertAssets(tx, countyCode, householdId, items, memberIds);
}

/** A household's assets, added to those it has (none: a new household). */
export async function insertAssets(tx: Kysely<DB>, countyCode: string, householdId: number, items: Asset[], memberIds: Map<string, number>): Promise<void> {
  if (items.length === 0) return;
  await tx
    .insertInto('assets')
    .values(items.map((a) => ({ county_code: countyCode, household_id: householdId, member_id: a.memberIdNumber ? (memberIds.get(a.memberIdNumber) ?? null) : null, kind: a.kind, value_fen: a.valueFen, note: a.note })))
    .execute();
}
