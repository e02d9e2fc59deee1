// Who sees and who changes the registers. Every row is its county's: staff of the county (village clerks and
// township caseworkers within it too) and those above it read it; anything else reads exactly as missing.
// Changes need volunteers.manage (township caseworker, county approver): a county-level row (an organisation)
// only by the county's own staff (the county approver), a row with an area (team, volunteer, service record)
// in the caller's subtree (a township caseworker: their township's).
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import { areaFieldError, covers, seesCounty, type Scope } from '../../../kernel/scope.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { actingCounty } from '../../areas/index.ts';
import { areaOf } from '../repo/registers.ts';

export const ORGANISATION = '社会组织';
export const TEAM = '志愿服务队伍';
export const VOLUNTEER = '志愿者';
export const SERVICE_RECORD = '志愿服务记录';

/** Out of scope answers exactly as missing. */
export function mustSee<T extends { county_code: string }>(scope: Scope, row: T | undefined, what: string, id: number): T {
  if (!row || !seesCounty(scope, row.county_code)) throw AppError.notFound(what, String(id));
  return row;
}

/** Whether the caller may change a row of the county (and, for a row with an area, of that area). */
export function mayManage(scope: Scope, county: string, area?: string): boolean {
  if (scope.role === 'auditor' || !mayAct(scope, 'volunteers.manage')) return false;
  return covers(scope, area ?? county);
}

/** A row the caller changes: seen (else 404 like missing) and manageable (else 403 without naming the scope). */
export function mustManage<T extends { county_code: string }>(scope: Scope, row: T | undefined, what: string, id: number, area?: (r: T) => string): T {
  const r = mustSee(scope, row, what, id);
  if (!mayManage(scope, r.county_code, area?.(r))) throw AppError.forbidden('无权变更此记录');
  return r;
}

/** The county an organisation is registered in: the one named (in the caller's scope), else the caller's own. */
export const organisationCounty = (db: Database, scope: Scope, given: string | undefined): Promise<string> =>
  actingCounty(db, scope, given, '请指定社会组织登记的县（市、区）');

/** A township or village in the caller's subtree (the field named when not). */
export async function managedArea(db: Database, scope: Scope, field: string, code: string): Promise<{ code: string; name: string; county: string }> {
  const level = levelOf(code);
  const a = await areaOf(db.kysely, code);
  if (!a || (level !== 'township' && level !== 'village') || !covers(scope, code)) {
    if (a && level !== 'township' && level !== 'village' && covers(scope, code)) throw AppError.field(field, '请选择乡镇（街道）或村（社区）');
    throw areaFieldError(field, code);
  }
  return { code, name: a.name, county: code.slice(0, 6) };
}
