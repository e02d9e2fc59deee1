// The institution register's SQL: institutions as the caller may read them (its county's, by the
// widening `institutions`), one by id, insert and versioned update.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, widened, type Scope } from '../../../kernel/scope.ts';
import type { InstitutionKind, InstitutionStatus } from '../codes.ts';
import type { InstitutionTable } from '../tables.ts';

export type InstitutionRow = Selectable<InstitutionTable>;

export interface ListFilter {
  county?: string;
  kind?: InstitutionKind;
  status?: InstitutionStatus;
}

export async function listInstitutions(db: Kysely<DB>, scope: Scope, f: ListFilter = {}) {
  // A township or village sees the institutions of its county (it places people there), nothing wider.
  let q = db.selectFrom('institutions as i').selectAll('i')
    .select((eb) => eb.selectFrom('institution_ratings as r').select('r.stars')
      .whereRef('r.county_code', '=', 'i.county_code').whereRef('r.institution_id', '=', 'i.id').orderBy('r.year', 'desc').limit(1).as('latest_stars'))
    .where(inScope(widened(scope, 'institutions'), 'i.county_code'));
  if (f.county !== undefined) q = q.where('i.county_code', '=', f.county);
  if (f.kind !== undefined) q = q.where('i.kind', '=', f.kind);
  if (f.status !== undefined) q = q.where('i.status', '=', f.status);
  return q.orderBy('i.county_code').orderBy('i.id').execute();
}

/** One institution if the caller may read it: out of scope reads exactly as missing (one query either way). */
export async function findVisible(db: Kysely<DB>, scope: Scope, id: number): Promise<InstitutionRow | undefined> {
  return db.selectFrom('institutions').selectAll().where('id', '=', id).where(inScope(widened(scope, 'institutions'), 'county_code')).executeTakeFirst();
}

/** One institution of a county, unscoped: the case engine's check that a 特困 case names one of its county. */
export async function findInstitution(db: Kysely<DB>, countyCode: string, id: number): Promise<InstitutionRow | undefined> {
  return db.selectFrom('institutions').selectAll().where('county_code', '=', countyCode).where('id', '=', id).executeTakeFirst();
}

/** A county's institutions with any of these names, unscoped (the caseload import matches names against the register). */
export async function institutionsByName(db: Kysely<DB>, countyCode: string, names: readonly string[]): Promise<InstitutionRow[]> {
  return db.selectFrom('institutions').selectAll().where('county_code', '=', countyCode).where('name', 'in', [...names]).orderBy('id').execute();
}

export async function lockInstitution(tx: Kysely<DB>, countyCode: string, id: number): Promise<InstitutionRow | undefined> {
  return tx.selectFrom('institutions').selectAll().where('county_code', '=', countyCode).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function nameTaken(db: Kysely<DB>, countyCode: string, name: string, except?: number): Promise<boolean> {
  let q = db.selectFrom('institutions').select('id').where('county_code', '=', countyCode).where('name', '=', name);
  if (except !== undefined) q = q.where('id', '<>', except);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function creditCodeTaken(db: Kysely<DB>, code: string, except?: { countyCode: string; id: number }): Promise<boolean> {
  let q = db.selectFrom('institutions').select('id').where('credit_code', '=', code);
  if (except) q = q.where((w) => w.or([w('county_code', '<>', except.countyCode), w('id', '<>', except.id)]));
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertInstitution(tx: Kysely<DB>, row: Insertable<InstitutionTable>): Promise<InstitutionRow> {
  return tx.insertInto('institutions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Writes the change if the row is still at `version`; undefined if someone changed it meanwhile. */
export async function updateInstitution(tx: Kysely<DB>, countyCode: string, id: number, version: number, set: Updateable<InstitutionTable>): Promise<InstitutionRow | undefined> {
  return tx.updateTable('institutions').set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('county_code', '=', countyCode).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
}

/** The demo nursing homes nothing refers to, deleted. */
export async function deleteDemoHomes(db: Kysely<DB>) {
  return db.deleteFrom('institutions').where('demo', '=', true).where('kind', '=', 'nursing_home')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('institution_ratings as r').select('r.year').whereRef('r.county_code', '=', 'institutions.county_code').whereRef('r.institution_id', '=', 'institutions.id'))))
    .returning(['id', 'county_code', 'name']).execute();
}
