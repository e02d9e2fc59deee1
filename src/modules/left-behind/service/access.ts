// Who sees and records 留守 persons: the records follow the person's household's village; staff whose area
// covers it see them (village clerks their village), the auditor reads only. A person is known to this
// module once surveyed; anything else — out of scope, not a member, not surveyed — reads as missing.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { inArea, inScope, mayManageCounty, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { hasSurvey, personOf, type PersonRow } from '../repo/records.ts';

export const PERSON = '留守人员';

export const personId = (county: string, memberId: number) => `${county}-${memberId}`;

/** The filter of the persons a caller sees, optionally within an area (on households `h`). */
export function personsWhere(scope: Scope, area?: string): Expression<SqlBool>[] {
  const where = [inScope(scope, 'h.village_code')];
  if (area !== undefined) where.push(inArea(area, 'h.village_code'));
  return where;
}

async function mustFind(db: Database, scope: Scope, id: string): Promise<PersonRow> {
  const [county, member] = id.split('-') as [string, string];
  const memberId = Number(member);
  const p = Number.isSafeInteger(memberId) ? await personOf(db.kysely, sql.join(personsWhere(scope), sql` and `) as Expression<SqlBool>, county, memberId) : undefined;
  if (!p || !(await hasSurvey(db.kysely, p.county_code, p.member_id))) throw AppError.notFound(PERSON, id);
  return p;
}

export function mustSeePerson(db: Database, scope: Scope, id: string): Promise<PersonRow> {
  allow(scope, 'left_behind.read');
  return mustFind(db, scope, id);
}

export function mustRecordFor(db: Database, scope: Scope, id: string): Promise<PersonRow> {
  allow(scope, 'left_behind.record');
  return mustFind(db, scope, id);
}

export const mayRecord = (scope: Scope, villageCode: string): boolean => mayManageCounty(scope, villageCode, 'left_behind.record');
