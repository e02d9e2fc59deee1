import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { rootFilter, scopedKey, type Scope, type Scoped } from '../../../kernel/scope.ts';
import type { CaseRow } from './cases.ts';

/** A case the caller may see: the only way to its steps and decisions. */
export type CaseKey = Scoped<{ countyCode: string; caseId: number }>;
export type ScopedCase = CaseRow & { key: CaseKey };

/** The scoped root of the case tables: the case by its number, only when it lies in the caller's scope. */
export async function findCase(db: Kysely<DB>, scope: Scope, caseNo: string): Promise<ScopedCase | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('county_code', '=', caseNo.slice(2, 8)).where('case_no', '=', caseNo).where(rootFilter(scope, { area: 'cases.area_code' })).executeTakeFirst();
  return row && { ...row, key: scopedKey({ countyCode: row.county_code, caseId: row.id }) };
}
