// Test data of the relief-station module: an institution to be a station or to refer to. The register
// (src/modules/institutions, migration 0100) owns the table; this inserts the columns every version has.
import { sql } from 'kysely';
import type { Database } from '../../db/engine.ts';

export async function addInstitution(db: Database, county: string, name: string): Promise<number> {
  const { rows } = await sql<{ id: string }>`insert into institutions (county_code, name, beds) values (${county}, ${name}, 0) returning id`.execute(db.kysely);
  return Number(rows[0]!.id);
}
