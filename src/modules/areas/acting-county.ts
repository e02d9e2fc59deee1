// The county a county-level record is written for: the one the request names (an existing county in the
// caller's scope, else the same field error as a code that does not exist) or, left out, the caller's own.
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../kernel/errors.ts';
import { requireAreaField, type Scope } from '../../kernel/scope.ts';

export async function actingCounty(db: Database, scope: Scope, given: string | undefined, missing = '请指定县（市、区）', field = 'countyCode'): Promise<string> {
  if (given === undefined) {
    if (scope.areaLevel !== 'county') throw AppError.field(field, missing);
    return scope.areaCode;
  }
  const found = await db.kysely.selectFrom('areas').select(['level']).where('code', '=', given).executeTakeFirst();
  requireAreaField(scope, field, given, found?.level === 'county');
  return given;
}
