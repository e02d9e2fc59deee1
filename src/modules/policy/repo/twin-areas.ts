// The counties whose parameters the SQL twins resolve: every county-level code (first six digits) of
// a village of the areas table under a prefix. A household's village is an area (foreign key) and its
// county code is the village code's first six digits (check constraint), so every household is covered.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export async function villageCounties(db: Kysely<DB>, where: Expression<SqlBool>): Promise<string[]> {
  const { rows } = await sql<{ county: string }>`
    select distinct left(code, 6) as county from areas where level = 'village' and ${where} order by county`.execute(db);
  return rows.map((r) => r.county);
}
