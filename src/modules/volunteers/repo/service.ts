// The SQL of service records: one record, pages of records, and the figures of a year by county.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface ServiceRow {
  county_code: string; id: number; team_id: number | null; team_name: string | null; organisation_id: number; organisation_name: string;
  volunteer_id: number; volunteer_name: string; volunteer_id_number: string; volunteer_user_id: number | null;
  activity: string; served_on: string; area_code: string; area_name: string; minutes: number;
  confirmed_by_name: string | null; confirmed_on: string | null;
}
const SELECT = sql`
  select s.county_code, s.id::int as id, s.team_id::int as team_id, t.name as team_name, s.organisation_id::int as organisation_id, o.name as organisation_name,
    s.volunteer_id::int as volunteer_id, v.name as volunteer_name, v.id_number as volunteer_id_number, v.user_id::int as volunteer_user_id,
    s.activity, s.served_on, s.area_code, a.name as area_name, s.minutes, s.confirmed_by_name, s.confirmed_on
  from volunteer_service_records s
  join social_organisations o on o.county_code = s.county_code and o.id = s.organisation_id
  left join volunteer_teams t on t.county_code = s.county_code and t.id = s.team_id
  join volunteers v on v.county_code = s.county_code and v.id = s.volunteer_id
  join areas a on a.code = s.area_code`;

export async function serviceById(db: Kysely<DB>, id: number): Promise<ServiceRow | undefined> {
  const { rows } = await sql<ServiceRow>`${SELECT} where s.id = ${id}`.execute(db);
  return rows[0];
}

export interface ServiceFilter {
  county?: string | undefined; volunteer?: number | undefined; team?: number | undefined; confirmed?: boolean | undefined;
  from?: string | undefined; to?: string | undefined; after?: number | undefined; limit: number;
}

export async function servicePage(db: Kysely<DB>, visible: Expression<SqlBool>, f: ServiceFilter): Promise<ServiceRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`s.county_code = ${f.county}`);
  if (f.volunteer !== undefined) where.push(sql<SqlBool>`s.volunteer_id = ${f.volunteer}`);
  if (f.team !== undefined) where.push(sql<SqlBool>`s.team_id = ${f.team}`);
  if (f.confirmed !== undefined) where.push(f.confirmed ? sql<SqlBool>`s.confirmed_on is not null` : sql<SqlBool>`s.confirmed_on is null`);
  if (f.from !== undefined) where.push(sql<SqlBool>`s.served_on >= ${f.from}`);
  if (f.to !== undefined) where.push(sql<SqlBool>`s.served_on <= ${f.to}`);
  if (f.after !== undefined) where.push(sql<SqlBool>`s.id < ${f.after}`);
  const { rows } = await sql<ServiceRow>`${SELECT} where ${sql.join(where, sql` and `)} order by s.id desc limit ${f.limit}`.execute(db);
  return rows;
}

export interface FigureRow {
  county_code: string; county_name: string; charities: number; volunteer_orgs: number; social_work: number; other_orgs: number; teams: number;
  volunteers: number; records: number; minutes: number; serving_volunteers: number;
}

/** Per county of the area (those with any organisation, volunteer or record): the registers as they stand, volunteers registered by the year's end, confirmed service of the year. */
export async function countyFigures(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>, year: number): Promise<FigureRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows } = await sql<FigureRow>`
    with counties as (
      select county_code from social_organisations union select county_code from volunteers
    ), c as (select a.code as county_code, a.name as county_name from counties k join areas a on a.code = k.county_code)
    select c.county_code, c.county_name,
      (select count(*)::int from social_organisations o where o.county_code = c.county_code and o.status = 'active' and o.kind = 'charity') as charities,
      (select count(*)::int from social_organisations o where o.county_code = c.county_code and o.status = 'active' and o.kind = 'volunteer_org') as volunteer_orgs,
      (select count(*)::int from social_organisations o where o.county_code = c.county_code and o.status = 'active' and o.kind = 'social_work') as social_work,
      (select count(*)::int from social_organisations o where o.county_code = c.county_code and o.status = 'active' and o.kind = 'other') as other_orgs,
      (select count(*)::int from volunteer_teams t join social_organisations o on o.county_code = t.county_code and o.id = t.organisation_id
        where t.county_code = c.county_code and o.status = 'active') as teams,
      (select count(*)::int from volunteers v where v.county_code = c.county_code and v.registered_on <= ${to}) as volunteers,
      (select count(*)::int from volunteer_service_records s where s.county_code = c.county_code and s.confirmed_on is not null and s.served_on between ${from} and ${to}) as records,
      (select coalesce(sum(s.minutes), 0)::int from volunteer_service_records s where s.county_code = c.county_code and s.confirmed_on is not null and s.served_on between ${from} and ${to}) as minutes,
      (select count(distinct s.volunteer_id)::int from volunteer_service_records s where s.county_code = c.county_code and s.confirmed_on is not null and s.served_on between ${from} and ${to}) as serving_volunteers
    from c where ${visible} and ${area} order by c.county_code`.execute(db);
  return rows;
}
