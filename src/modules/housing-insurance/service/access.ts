// Who sees and who changes 农房保险. A policy is a county's: staff whose area covers the county see it
// whole, staff inside the county see it with the insured households and claims of their own subtree.
// Changing needs `insurance.manage` and the whole county in scope. Out of scope reads as missing.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, inScope, seesCounty, visibleCounties, mayManageCounty, type Scope } from '../../../kernel/scope.ts';
import { actingCounty } from '../../areas/index.ts';
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

/** The county the caller acts for (the areas module's rule). */
export const managedCounty = (db: Database, scope: Scope, given: string | undefined): Promise<string> => actingCounty(db, scope, given, '请指定县（市、区）');

/** Whether the caller may change the county's records (an auditor reads only). */
export const mayManage = (scope: Scope, county: string): boolean => mayManageCounty(scope, county, 'insurance.manage');
