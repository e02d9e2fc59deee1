// The households of a county with their hukou and size, in registration order: how a caller that picks
// households deterministically (the scenario loader) reads the registry without its internals.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';

export interface CountyHousehold { id: number; householdNo: string; villageCode: string; hukou: 'urban' | 'rural'; persons: number }

export async function countyHouseholds(db: Database, countyCode: string): Promise<CountyHousehold[]> {
  const { rows } = await sql<{ id: number; household_no: string; village_code: string; hukou: string; persons: number }>`
    select h.id, h.household_no, h.village_code, h.hukou,
      (select count(*)::int from members m where m.county_code = h.county_code and m.household_id = h.id) as persons
    from households h where h.county_code = ${countyCode} order by h.id`.execute(db.kysely);
  return rows.map((r) => ({ id: Number(r.id), householdNo: r.household_no, villageCode: r.village_code, hukou: r.hukou === 'urban' ? 'urban' : 'rural', persons: r.persons }));
}
