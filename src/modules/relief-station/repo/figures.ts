// The SQL of the stations' figures: per county of an area, for a year — records met (screenings), their
// decisions, minors; exits of the year home and by referral; the average stay of the stays ended.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface FigureRow {
  county_code: string; county_name: string; screenings: number; assisted: number; accepted: number; refused: number; minors: number;
  returned_home: number; referred: number; stays: number; stay_days: number;
}

export async function countyFigures(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>, year: number): Promise<FigureRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows } = await sql<FigureRow>`
    select r.county_code, a.name as county_name,
      count(*) filter (where r.met_on between ${from} and ${to})::int as screenings,
      count(*) filter (where r.met_on between ${from} and ${to} and r.decision <> 'refused')::int as assisted,
      count(*) filter (where r.met_on between ${from} and ${to} and r.decision = 'accepted')::int as accepted,
      count(*) filter (where r.met_on between ${from} and ${to} and r.decision = 'refused')::int as refused,
      count(*) filter (where r.met_on between ${from} and ${to} and r.minor)::int as minors,
      count(*) filter (where r.exited_on between ${from} and ${to} and r.exit_kind = 'returned_home')::int as returned_home,
      count(*) filter (where r.exited_on between ${from} and ${to} and r.exit_kind = 'referred')::int as referred,
      count(*) filter (where r.exited_on between ${from} and ${to} and r.entered_on is not null)::int as stays,
      coalesce(sum(r.exited_on - r.entered_on) filter (where r.exited_on between ${from} and ${to} and r.entered_on is not null), 0)::int as stay_days
    from relief_station_records r join areas a on a.code = r.county_code
    where ${visible} and ${area} and (r.met_on between ${from} and ${to} or r.exited_on between ${from} and ${to})
    group by r.county_code, a.name order by r.county_code`.execute(db);
  return rows;
}
