// Who sees and who changes what. Contracts and evaluations are the county's: staff of the county (village
// and township too) and those above it read them; the county approver registers them. Tasks and 协理员 are
// their village's: staff whose area covers the village read them (a village assistant their own village);
// tasks are assigned by the township caseworker (their township) or the county approver. Out of scope reads
// exactly as missing (404); seen but not the caller's to change is 403 without naming the scope.
import type { Database } from '../../../db/engine.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import { covers, mayManageCounty, seesCounty, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';

export const CONTRACT = '购买服务合同';
export const TASK = '服务任务';
export const ASSISTANT = '社会救助协理员';

/** One 400 naming every field (the message in Chinese only: staff see it above the form). */
export const invalid = (fields: FieldError[]) => new AppError('validation_failed', fields.map((f) => f.message).join('；'), 400, { fields });

/** Field errors of a thrown AppError (a lookup that names its field), or the error itself rethrown. */
export async function collect<T>(errors: FieldError[], p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.details?.fields) { errors.push(...e.details.fields); return undefined; }
    throw e;
  }
}

export function mustSeeCounty<T extends { county_code: string }>(scope: Scope, row: T | undefined, what: string, id: number): T {
  if (!row || !seesCounty(scope, row.county_code)) throw AppError.notFound(what, String(id));
  return row;
}

export function mustSeeVillage<T extends { village_code: string }>(scope: Scope, row: T | undefined, what: string, id: number): T {
  if (!row || !covers(scope, row.village_code)) throw AppError.notFound(what, String(id));
  return row;
}

/** County-level registers (contracts, evaluations, 协理员): the county's own approver. */
export const mayManageCountyRegister = (scope: Scope, county: string): boolean =>
  mayManageCounty(scope, county, 'purchased_services.manage') && (scope.kind === 'system' || scope.areaLevel === 'county');

export function mustManageCountyRegister(scope: Scope, county: string): void {
  if (!mayManageCountyRegister(scope, county)) throw AppError.forbidden('合同、考核和协理员名册由县级民政部门登记');
}

/** Tasks of a village: assigned, confirmed and cancelled by the township caseworker of the village's township or the county approver. */
export const mayManageTasks = (scope: Scope, village: string): boolean => mayManageCounty(scope, village, 'purchased_services.manage');

/** The performance of a task: the township caseworker of its village, or the village assistant it is assigned to. */
export function mayPerform(scope: Scope, t: { village_code: string; assistant_user_id: number | null }): boolean {
  if (scope.role === 'auditor' || !mayAct(scope, 'purchased_services.perform') || !covers(scope, t.village_code)) return false;
  return scope.role !== 'village_clerk' || (scope.userId !== null && t.assistant_user_id === scope.userId);
}

/** A village (12 digits) of `county` in the caller's area, else a 400 naming the field. */
export async function villageOf(db: Database, scope: Scope, field: string, code: string, county: string | null): Promise<{ code: string; name: string }> {
  const name = (await namesOf(db.kysely, [code])).get(code);
  if (name === undefined || code.length !== 12 || !covers(scope, code)) throw AppError.field(field, `村（社区）${code} 不存在或不在您的管辖范围内`);
  if (county !== null && code.slice(0, 6) !== county) throw AppError.field(field, '村（社区）应在合同所属的县（市、区）内');
  return { code, name };
}
