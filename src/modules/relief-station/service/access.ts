// Who sees and who changes relief-station records. A record is its station's county's: staff whose area
// covers that county, or lies inside it (township caseworkers of the county), read it; only the county
// approver of that county changes it. Out of scope reads exactly as missing (same query, same answer).
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, requireAreaField, seesCounty, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { recordByNo, type RecordRow } from '../repo/records.ts';

export const RECORD = '救助记录';

export async function mustSeeRecord(db: Database, scope: Scope, recordNo: string): Promise<RecordRow> {
  allow(scope, 'relief_station.read');
  const r = await recordByNo(db.kysely, recordNo);
  if (!r || !seesCounty(scope, r.county_code)) throw AppError.notFound(RECORD, recordNo);
  return r;
}

export async function mustManageRecord(db: Database, scope: Scope, recordNo: string): Promise<RecordRow> {
  allow(scope, 'relief_station.manage');
  const r = await recordByNo(db.kysely, recordNo);
  if (!r || !covers(scope, r.county_code)) throw AppError.notFound(RECORD, recordNo);
  return r;
}

/** The county a manager records for: the given one (an existing county in scope) or the caller's own. */
export async function managedCounty(db: Database, scope: Scope, given: string | undefined): Promise<string> {
  if (given === undefined) {
    if (scope.areaLevel !== 'county') throw AppError.field('countyCode', '请指定救助管理站所在的县（市、区）');
    return scope.areaCode;
  }
  const found = await db.kysely.selectFrom('areas').select(['level']).where('code', '=', given).executeTakeFirst();
  requireAreaField(scope, 'countyCode', given, found?.level === 'county');
  return given;
}

/** Whether the caller may change the county's records (an auditor reads only). */
export function mayManage(scope: Scope, county: string): boolean {
  if (scope.role === 'auditor' || !covers(scope, county)) return false;
  try {
    allow(scope, 'relief_station.manage');
    return true;
  } catch {
    return false;
  }
}
