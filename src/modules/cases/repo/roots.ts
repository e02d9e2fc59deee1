import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { rootFilter, scopedKey, type CitizenScope, type Scope, type Scoped } from '../../../kernel/scope.ts';
import type { CaseRow } from './cases.ts';

/** A case the caller may see: the only way to its steps and decisions. */
export type CaseKey = Scoped<{ countyCode: string; caseId: number }>;
export type ScopedCase = CaseRow & { key: CaseKey };

/** The scoped root of the case tables: the case by its number, only when it lies in the caller's scope. */
export async function findCase(db: Kysely<DB>, scope: Scope, caseNo: string): Promise<ScopedCase | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('county_code', '=', caseNo.slice(2, 8)).where('case_no', '=', caseNo).where(rootFilter(scope, { area: 'cases.area_code' })).executeTakeFirst();
  return row && { ...row, key: scopedKey({ countyCode: row.county_code, caseId: row.id }) };
}

/** The scoped root for a citizen (the portal): the case by its number, only when it belongs to one of their households. */
export async function findOwnCase(db: Kysely<DB>, scope: CitizenScope, caseNo: string): Promise<ScopedCase | undefined> {
  const row = await db.selectFrom('cases as c')
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'c.county_code').onRef('h.id', '=', 'c.household_id'))
    .selectAll('c')
    .where('c.county_code', '=', caseNo.slice(2, 8)).where('c.case_no', '=', caseNo)
    .where(rootFilter(scope, { area: 'c.area_code', householdNo: 'h.household_no' }))
    .executeTakeFirst();
  return row && { ...row, key: scopedKey({ countyCode: row.county_code, caseId: row.id }) };
}
