// The SQL of the registers: organisations, teams, volunteers and membership, with the names of their areas.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { OrgKind, OrgStatus, Skill } from '../codes.ts';

export interface OrgRow {
  county_code: string; county_name: string; id: number; kind: OrgKind; name: string; credit_code: string | null; charity_recognised_on: string | null;
  contact_person: string | null; contact_phone: string | null; status: OrgStatus; teams: number;
}
const ORG = sql`
  select o.county_code, a.name as county_name, o.id::int as id, o.kind, o.name, o.credit_code, o.charity_recognised_on, o.contact_person, o.contact_phone, o.status,
    (select count(*)::int from volunteer_teams t where t.county_code = o.county_code and t.organisation_id = o.id) as teams
  from social_organisations o join areas a on a.code = o.county_code`;

export async function organisationById(db: Kysely<DB>, id: number): Promise<OrgRow | undefined> {
  const { rows } = await sql<OrgRow>`${ORG} where o.id = ${id}`.execute(db);
  return rows[0];
}

export async function organisationsIn(db: Kysely<DB>, visible: Expression<SqlBool>, f: { county?: string | undefined; kind?: OrgKind | undefined }): Promise<OrgRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`o.county_code = ${f.county}`);
  if (f.kind !== undefined) where.push(sql<SqlBool>`o.kind = ${f.kind}`);
  const { rows } = await sql<OrgRow>`${ORG} where ${sql.join(where, sql` and `)} order by o.county_code, o.id limit 1000`.execute(db);
  return rows;
}

export interface TeamRow {
  county_code: string; id: number; organisation_id: number; organisation_name: string; name: string; area_code: string; area_name: string; leader: string; members: number;
}
const TEAM = sql`
  select t.county_code, t.id::int as id, t.organisation_id::int as organisation_id, o.name as organisation_name, t.name, t.area_code, a.name as area_name, t.leader,
    (select count(*)::int from volunteer_team_members m where m.county_code = t.county_code and m.team_id = t.id) as members
  from volunteer_teams t join social_organisations o on o.county_code = t.county_code and o.id = t.organisation_id join areas a on a.code = t.area_code`;

export async function teamById(db: Kysely<DB>, id: number): Promise<TeamRow | undefined> {
  const { rows } = await sql<TeamRow>`${TEAM} where t.id = ${id}`.execute(db);
  return rows[0];
}

export async function teamsIn(db: Kysely<DB>, visible: Expression<SqlBool>, f: { county?: string | undefined; organisation?: number | undefined }): Promise<TeamRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`t.county_code = ${f.county}`);
  if (f.organisation !== undefined) where.push(sql<SqlBool>`t.organisation_id = ${f.organisation}`);
  const { rows } = await sql<TeamRow>`${TEAM} where ${sql.join(where, sql` and `)} order by t.county_code, t.id limit 1000`.execute(db);
  return rows;
}

export interface VolunteerRow {
  county_code: string; county_name: string; id: number; name: string; id_number: string; phone: string | null; area_code: string; area_name: string;
  skills: Skill[]; registered_on: string; user_id: number | null; confirmed_minutes: number;
}
const VOLUNTEER = sql`
  select v.county_code, c.name as county_name, v.id::int as id, v.name, v.id_number, v.phone, v.area_code, a.name as area_name, v.skills, v.registered_on,
    v.user_id::int as user_id,
    (select coalesce(sum(s.minutes), 0)::int from volunteer_service_records s where s.county_code = v.county_code and s.volunteer_id = v.id and s.confirmed_on is not null) as confirmed_minutes
  from volunteers v join areas c on c.code = v.county_code join areas a on a.code = v.area_code`;

export async function volunteerById(db: Kysely<DB>, id: number): Promise<VolunteerRow | undefined> {
  const { rows } = await sql<VolunteerRow>`${VOLUNTEER} where v.id = ${id}`.execute(db);
  return rows[0];
}

export async function volunteersIn(db: Kysely<DB>, visible: Expression<SqlBool>, f: { county?: string | undefined; area?: Expression<SqlBool> | undefined; skill?: Skill | undefined; team?: number | undefined }): Promise<VolunteerRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`v.county_code = ${f.county}`);
  if (f.area !== undefined) where.push(f.area);
  if (f.skill !== undefined) where.push(sql<SqlBool>`${f.skill} = any(v.skills)`);
  if (f.team !== undefined) where.push(sql<SqlBool>`exists (select 1 from volunteer_team_members m where m.county_code = v.county_code and m.volunteer_id = v.id and m.team_id = ${f.team})`);
  const { rows } = await sql<VolunteerRow>`${VOLUNTEER} where ${sql.join(where, sql` and `)} order by v.county_code, v.id limit 1000`.execute(db);
  return rows;
}

export async function teamsOf(db: Kysely<DB>, v: Pick<VolunteerRow, 'county_code' | 'id'>) {
  const { rows } = await sql<{ team_id: number; team_name: string; joined_on: string }>`
    select m.team_id::int as team_id, t.name as team_name, m.joined_on from volunteer_team_members m join volunteer_teams t on t.county_code = m.county_code and t.id = m.team_id
    where m.county_code = ${v.county_code} and m.volunteer_id = ${v.id} order by m.joined_on, m.team_id`.execute(db);
  return rows;
}

export async function isMember(db: Kysely<DB>, county: string, team: number, volunteer: number): Promise<boolean> {
  const r = await db.selectFrom('volunteer_team_members').select('team_id').where('county_code', '=', county).where('team_id', '=', team).where('volunteer_id', '=', volunteer).executeTakeFirst();
  return r !== undefined;
}

export async function areaOf(db: Kysely<DB>, code: string) {
  return db.selectFrom('areas').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
}
