// A deterministic sample of a county's registered households with their head (and size), for generators that
// need real applicants (the scenario's one-window requests): spread over the county's villages by a hash of
// the household number rather than the first ones registered. Set-based, one query.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';

export interface SampledHousehold { householdNo: string; villageCode: string; hukou: string; size: number; headName: string; headIdNumber: string }

export async function sampleCountyHouseholds(db: Database, county: string, limit: number): Promise<SampledHousehold[]> {
  if (limit <= 0) return [];
  const { rows } = await sql<{ household_no: string; village_code: string; hukou: string; size: number; name: string; id_number: string }>`
    select h.household_no, h.village_code, h.hukou, m.name, m.id_number,
      (select count(*)::int from members x where x.county_code = h.county_code and x.household_id = h.id) as size
    from households h
    join lateral (select m.name, m.id_number from members m where m.county_code = h.county_code and m.household_id = h.id
                  order by (m.relation = 'head') desc, m.id limit 1) m on true
    where h.county_code = ${county}
    order by md5(h.household_no), h.household_no
    limit ${limit}`.execute(db.kysely);
  return rows.map((r) => ({ householdNo: r.household_no, villageCode: r.village_code, hukou: r.hukou, size: r.size, headName: r.name, headIdNumber: r.id_number }));
}
