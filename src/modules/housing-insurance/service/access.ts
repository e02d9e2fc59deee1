// Who sees and who changes 农房保险. A policy is a county's: staff whose area covers the county see it
// whole, staff inside the county see it with the insured households and claims of their own subtree.
// Changing needs `insurance.manage` and the whole county in scope. Out of scope reads as missing.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, inScope, requireAreaField, seesCounty, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { policyOf, type PolicyRow } from '../repo/policies.ts';

export const POLICY = '农房保险保单';

export { seesCounty, visibleCounties };

export async function mustSeePolicy(db: Database, scope: Scope, county: string, year: number): Promise<PolicyRow> {
  allow(scope, 'insurance.read');
  const p = seesCounty(scope, county) ? await policyOf(db.kysely, county, year) : undefined;
  if (!p) throw AppError.notFound(POLICY, `${county} ${year}`);
  return p;
}

export async function mustManagePolicy(db: Database, scope: Scope, county: string, year: number): Promise<PolicyRow> {
  allow(scope, 'insurance.manage');
  const p = covers(scope, county) ? await policyOf(db.kysely, county, year) : undefined;
  if (!p) throw AppError.notFound(POLICY, `${county} ${year}`);
  return p;
}

/** The county a manager acts for: the given one (existing, in scope) or the caller's own. */
export async function managedCounty(db: Database, scope: Scope, given: string | undefined): Promise<string> {
  if (given === undefined) {
    if (scope.areaLevel !== 'county') throw AppError.field('countyCode', '请指定县（市、区）');
    return scope.areaCode;
  }
  const found = await db.kysely.selectFrom('areas').select(['level']).where('code', '=', given).executeTakeFirst();
  requireAreaField(scope, 'countyCode', given, found?.level === 'county');
  return given;
}

/** Whether the caller's role may manage (an auditor reads only). */
export function mayManage(scope: Scope, county: string): boolean {
  if (scope.role === 'auditor' || !covers(scope, county)) return false;
  try {
    allow(scope, 'insurance.manage');
    return true;
  } catch {
    return false;
  }
}
