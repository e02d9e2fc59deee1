// The registry household as the policy engine reads it (raw rows → HouseholdFacts), for callers in scope.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { RegistryHousehold } from '../facts.ts';
import { allow } from '../permissions.ts';
import { findRegistryHousehold } from '../repo/record.ts';

export async function registryHousehold(db: Database, scope: Scope, householdNo: string): Promise<RegistryHousehold> {
  allow(scope, 'registry.read');
  if (!/^\d{14}$/.test(householdNo)) throw AppError.field('householdNo', '户编号应为14位数字');
  const record = await findRegistryHousehold(db.kysely, scope, householdNo);
  if (!record) throw AppError.notFound('家庭', householdNo);
  return record;
}
