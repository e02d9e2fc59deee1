// Who sees and who changes relief-station records. A record is its station's county's: staff whose area
// covers that county, or lies inside it (township caseworkers of the county), read it; only the county
// approver of that county changes it. Out of scope reads exactly as missing (same query, same answer).
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, seesCounty, mayManageCounty, type Scope } from '../../../kernel/scope.ts';
import { actingCounty } from '../../areas/index.ts';
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

/** The county the caller acts for (the areas module's rule). */
export const managedCounty = (db: Database, scope: Scope, given: string | undefined): Promise<string> => actingCounty(db, scope, given, '请指定救助管理站所在的县（市、区）');

/** Whether the caller may change the county's records (an auditor reads only). */
export const mayManage = (scope: Scope, county: string): boolean => mayManageCounty(scope, county, 'relief_station.manage');
