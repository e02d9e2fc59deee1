// Test data of the relief-station module: an institution to be a station or to refer to. The register
// (src/modules/institutions, migration 0100) owns the table; a station is of kind relief_station.
import { sql } from 'kysely';
import type { Database } from '../../db/engine.ts';

export async function addInstitution(db: Database, county: string, name: string, kind: 'relief_station' | 'welfare_home' = 'relief_station'): Promise<number> {
  const { rows } = await sql<{ id: string }>`insert into institutions (county_code, name, beds, kind) values (${county}, ${name}, 0, ${kind}) returning id`.execute(db.kysely);
  return Number(rows[0]!.id);
}
