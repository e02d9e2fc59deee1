import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, widened, type Scope } from '../../../kernel/scope.ts';

export async function listInstitutions(db: Kysely<DB>, scope: Scope, countyCode?: string) {
  // A township user sees the nursing homes of their county (they place people there), nothing wider.
  let q = db.selectFrom('institutions').selectAll().where(inScope(widened(scope, 'institutions'), 'institutions.county_code'));
  if (countyCode) q = q.where('county_code', '=', countyCode);
  return q.orderBy('county_code').orderBy('id').execute();
}

export async function findInstitution(db: Kysely<DB>, countyCode: string, id: number) {
  return db.selectFrom('institutions').selectAll().where('county_code', '=', countyCode).where('id', '=', id).executeTakeFirst();
}

export async function insertInstitution(tx: Kysely<DB>, i: { countyCode: string; name: string; beds: number }): Promise<number> {
  const row = await tx.insertInto('institutions').values({ county_code: i.countyCode, name: i.name, kind: 'nursing_home', beds: i.beds }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
