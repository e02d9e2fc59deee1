import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface CountyHousehold {
  householdNo: string;
  villageCode: string;
  hukou: 'urban' | 'rural';
  members: number;
}

/**
 * The households of a county with their village, hukou and number of members, by household number: for
 * loaders that pick households deterministically (the scenarios), one query whatever the county's size.
 */
export async function countyHouseholds(db: Kysely<DB>, countyCode: string): Promise<CountyHousehold[]> {
  const rows = await db.selectFrom('households as h')
    .innerJoin('members as m', (j) => j.onRef('m.county_code', '=', 'h.county_code').onRef('m.household_id', '=', 'h.id'))
    .select(['h.household_no', 'h.village_code', 'h.hukou', sql<string>`count(*)::text`.as('members')])
    .where('h.county_code', '=', countyCode)
    .groupBy(['h.household_no', 'h.village_code', 'h.hukou'])
    .orderBy('h.household_no')
    .execute();
  return rows.map((r) => ({ householdNo: r.household_no, villageCode: r.village_code, hukou: r.hukou, members: Number(r.members) }));
}
