// The register's figures as sets, grouped by county: institutions standing at the year's end by kind,
// with registration, posts, staff and beds; ratings of the year by stars; projects completed in the year
// by funding source. Three queries whatever the number of counties.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface CountyRegister {
  county_code: string;
  kind: string;
  institutions: number;
  registered: number;
  posts: number;
  staff_management: number;
  staff_care: number;
  staff_medical: number;
  beds: number;
  care_beds: number;
}

/** Institutions open at the end of `year` (opened by then, not closed by then), by county and kind. */
export async function registerByCounty(db: Kysely<DB>, counties: readonly string[], year: number): Promise<CountyRegister[]> {
  if (counties.length === 0) return [];
  const end = `${year}-12-31`;
  const { rows } = await sql<CountyRegister>`
    select county_code, kind, count(*)::int as institutions,
      count(*) filter (where legal_person_status = 'registered' and legal_person_registered_on <= ${end}::date)::int as registered,
      sum(posts)::int as posts, sum(staff_management)::int as staff_management, sum(staff_care)::int as staff_care, sum(staff_medical)::int as staff_medical,
      sum(beds)::int as beds, sum(care_beds)::int as care_beds
    from institutions
    where county_code = any(${[...counties]}::text[])
      and (opened_on is null or opened_on <= ${end}::date) and (closed_on is null or closed_on > ${end}::date)
    group by county_code, kind`.execute(db);
  return rows;
}

export async function starsByCounty(db: Kysely<DB>, counties: readonly string[], year: number): Promise<{ county_code: string; stars: number; n: number }[]> {
  if (counties.length === 0) return [];
  const { rows } = await sql<{ county_code: string; stars: number; n: number }>`
    select county_code, stars, count(*)::int as n from institution_ratings
    where county_code = any(${[...counties]}::text[]) and year = ${year} group by county_code, stars`.execute(db);
  return rows;
}

export async function completedByCounty(db: Kysely<DB>, counties: readonly string[], year: number): Promise<{ county_code: string; funding_source: string; n: number; amount_fen: number }[]> {
  if (counties.length === 0) return [];
  const { rows } = await sql<{ county_code: string; funding_source: string; n: number; amount_fen: string }>`
    select county_code, funding_source, count(*)::int as n, sum(amount_fen)::text as amount_fen from institution_projects
    where county_code = any(${[...counties]}::text[]) and status = 'completed'
      and completed_on >= ${`${year}-01-01`}::date and completed_on <= ${`${year}-12-31`}::date
    group by county_code, funding_source`.execute(db);
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}
