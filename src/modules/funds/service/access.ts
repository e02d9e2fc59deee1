// Who sees and who changes the funds. Every row is its county's: the county approver reads and records its
// county's budget and transfers, the prefecture admin any county's, auditors read; an area outside the
// caller's scope answers exactly as a missing one (404). 减量 plans are recorded by the prefecture admin.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { actingCounty } from '../../areas/index.ts';

/** The area of a read: the one named (a county or prefecture in scope, else 404 as missing) or the caller's own. */
export async function readArea(db: Database, scope: Scope, given: string | undefined): Promise<{ code: string; name: string; level: 'county' | 'prefecture' }> {
  const code = given ?? scope.areaCode;
  const level = levelOf(code);
  const row = level === 'county' || level === 'prefecture' ? await db.kysely.selectFrom('areas').select(['name']).where('code', '=', code).executeTakeFirst() : undefined;
  if (!row || !covers(scope, code) || (level !== 'county' && level !== 'prefecture')) throw AppError.notFound('区划', code);
  return { code, name: row.name, level };
}

/** The county a budget or transfer is recorded for: the one named (in scope, else the field error of a missing one) or the caller's own. */
export const fundCounty = (db: Database, scope: Scope, given: string | undefined): Promise<string> =>
  actingCounty(db, scope, given, '请指定县（市、区）');
