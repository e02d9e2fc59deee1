// The institutions a placement names, read from the `institutions` table (migration 0010, taken over by
// the institutions module in 0100): only the capacity (beds), the name and the county. When that module
// offers a public read, this file is the one place to switch to it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, widened, type Scope } from '../../../kernel/scope.ts';
import { SUPPORT_KINDS } from '../../institutions/index.ts';

export interface InstitutionRow { county_code: string; id: number; name: string; beds: number }

/** An institution the scope sees (staff below the county see their county's), or undefined as if missing. */
export async function visibleInstitution(db: Kysely<DB>, scope: Scope, id: number): Promise<InstitutionRow | undefined> {
  return db.selectFrom('institutions').select(['county_code', 'id', 'name', 'beds']).where('id', '=', id)
    .where(inScope(widened(scope, 'institutions'), 'institutions.county_code')).executeTakeFirst();
}

/** The institutions that house people (not relief stations or protection centres) of the counties under `area` that the scope sees. */
export async function institutionsUnder(db: Kysely<DB>, scope: Scope, area: string): Promise<InstitutionRow[]> {
  return db.selectFrom('institutions').select(['county_code', 'id', 'name', 'beds']).where('kind', 'in', [...SUPPORT_KINDS])
    .where(inScope(widened(scope, 'institutions'), 'institutions.county_code')).where(inArea(area, 'institutions.county_code'))
    .orderBy('county_code').orderBy('id').execute();
}

/**
 * Locks the institution's row for the rest of the transaction and returns it with its admitted
 * placements: every admission and transfer into it takes this lock first, so two at once cannot both
 * see a free bed.
 */
export async function lockInstitution(tx: Kysely<DB>, countyCode: string, id: number): Promise<(InstitutionRow & { admitted: number }) | undefined> {
  const row = await tx.selectFrom('institutions').select(['county_code', 'id', 'name', 'beds']).where('county_code', '=', countyCode).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  return { ...row, admitted: await admittedIn(tx, countyCode, id) };
}

export async function admittedIn(tx: Kysely<DB>, countyCode: string, id: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from institution_placements where county_code = ${countyCode} and institution_id = ${id} and status = 'admitted'`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

/** The institutions that house people of the given counties (the institution figures have checked the caller's area already). */
export async function institutionsOf(db: Kysely<DB>, counties: readonly string[]): Promise<InstitutionRow[]> {
  if (counties.length === 0) return [];
  return db.selectFrom('institutions').select(['county_code', 'id', 'name', 'beds']).where('kind', 'in', [...SUPPORT_KINDS]).where('county_code', 'in', [...counties])
    .orderBy('county_code').orderBy('id').execute();
}
