// Ratings (星级评定) and construction projects (建设项目) of one institution.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { InstitutionProjectTable, InstitutionRatingTable } from '../tables.ts';

export type RatingRow = Selectable<InstitutionRatingTable>;
export type ProjectRow = Selectable<InstitutionProjectTable>;
type Key = { county_code: string; id: number };

export async function ratingsOf(db: Kysely<DB>, i: Key): Promise<RatingRow[]> {
  return db.selectFrom('institution_ratings').selectAll().where('county_code', '=', i.county_code).where('institution_id', '=', i.id).orderBy('year', 'desc').execute();
}

/** Inserts the year's rating; undefined if the institution already has one for that year. */
export async function insertRating(tx: Kysely<DB>, row: Insertable<InstitutionRatingTable>): Promise<RatingRow | undefined> {
  return tx.insertInto('institution_ratings').values(row).onConflict((oc) => oc.columns(['county_code', 'institution_id', 'year']).doNothing()).returningAll().executeTakeFirst();
}

export async function projectsOf(db: Kysely<DB>, i: Key): Promise<ProjectRow[]> {
  return db.selectFrom('institution_projects').selectAll().where('county_code', '=', i.county_code).where('institution_id', '=', i.id).orderBy('year', 'desc').orderBy('id', 'desc').execute();
}

export async function findProject(db: Kysely<DB>, i: Key, projectId: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('institution_projects').selectAll().where('county_code', '=', i.county_code).where('institution_id', '=', i.id).where('id', '=', projectId).executeTakeFirst();
}

export async function insertProject(tx: Kysely<DB>, row: Insertable<InstitutionProjectTable>): Promise<ProjectRow> {
  return tx.insertInto('institution_projects').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateProject(tx: Kysely<DB>, p: ProjectRow, version: number, set: Updateable<InstitutionProjectTable>): Promise<ProjectRow | undefined> {
  return tx.updateTable('institution_projects').set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('county_code', '=', p.county_code).where('id', '=', p.id).where('version', '=', version).returningAll().executeTakeFirst();
}
