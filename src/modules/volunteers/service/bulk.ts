// Set-based registration of many teams or volunteers at once (a county's register taken over from a previous
// system, the scenario's 1400 teams and 13万 volunteers): the rules of createTeam / registerVolunteer checked
// for every row first, the row named in the error (`rows.N.field`) and nothing written; then one INSERT … SELECT
// per chunk and one audit entry per county. A volunteer may join one team of the batch's county on the day of
// registration.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { SKILLS, type Skill } from '../codes.ts';
import { allow } from '../permissions.ts';

export interface BulkTeam { organisationId: number; name: string; areaCode: string; leader: string }
export interface BulkVolunteer { name: string; idNumber: string; areaCode: string; registeredOn: string; skills: readonly Skill[]; phone?: string | undefined; teamId?: number | undefined }

const CHUNK = 5_000;
const rowError = (i: number, field: string, message: string) => AppError.field(`rows.${i}.${field}`, `第${i + 1}行：${message}`);

/** The township and village codes among `codes` that exist, with their level checked by the caller. */
async function existingAreas(db: Database, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const { rows } = await sql<{ code: string }>`select code from areas where code = any (${sql`cast(${`{${unique.join(',')}}`} as text[])`})`.execute(db.kysely);
  return new Set(rows.map((r) => r.code));
}

function checkArea(scope: Scope, known: Set<string>, i: number, code: string) {
  const level = levelOf(code);
  if ((level !== 'township' && level !== 'village') || !known.has(code) || !covers(scope, code)) throw rowError(i, 'areaCode', `区划 ${code} 不是您管辖范围内的乡镇（街道）或村（社区）`);
}

/** Registers teams of active organisations (each in its organisation's county); returns their ids in the rows' order. */
export async function importTeams(db: Database, scope: Scope, rows: readonly BulkTeam[]): Promise<number[]> {
  allow(scope, 'volunteers.manage');
  if (rows.length === 0) return [];
  const orgs = new Map((await db.kysely.selectFrom('social_organisations').select(['id', 'county_code', 'status'])
    .where('id', 'in', [...new Set(rows.map((r) => r.organisationId))]).execute()).map((o) => [Number(o.id), o]));
  const known = await existingAreas(db, rows.map((r) => r.areaCode));
  const names = new Set<string>();
  rows.forEach((r, i) => {
    const o = orgs.get(r.organisationId);
    if (!o || !covers(scope, o.county_code)) throw rowError(i, 'organisationId', `社会组织 ${r.organisationId} 不存在`);
    if (o.status !== 'active') throw rowError(i, 'organisationId', `社会组织 ${r.organisationId} 已注销`);
    checkArea(scope, known, i, r.areaCode);
    if (r.areaCode.slice(0, 6) !== o.county_code) throw rowError(i, 'areaCode', '队伍服务的区域应在组织登记的县（市、区）内');
    const name = r.name.trim();
    if (name.length < 2 || name.length > 100) throw rowError(i, 'name', '队伍名称应为2至100字');
    if (r.leader.trim().length < 1 || r.leader.trim().length > 50) throw rowError(i, 'leader', '请填写队长（不超过50字）');
    const key = `${r.organisationId}/${name}`;
    if (names.has(key)) throw rowError(i, 'name', `「${name}」在本批中重复`);
    names.add(key);
  });
  return bulkWrite(db, scope, async (tx) => {
    const ids: number[] = [];
    for (let at = 0; at < rows.length; at += CHUNK) {
      const chunk = rows.slice(at, at + CHUNK).map((r, k) => ({ n: at + k, county_code: r.areaCode.slice(0, 6), organisation_id: r.organisationId, name: r.name.trim(), area_code: r.areaCode, leader: r.leader.trim() }));
      // A name the organisation already has violates the unique index: the whole batch is refused.
      const { rows: out } = await sql<{ id: string; n: number }>`
        with d as (select * from jsonb_to_recordset(cast(${JSON.stringify(chunk)} as jsonb)) as d (n int, county_code text, organisation_id bigint, name text, area_code text, leader text)),
        ins as (insert into volunteer_teams (county_code, organisation_id, name, area_code, leader, recorded_by)
          select county_code, organisation_id, name, area_code, leader, ${scope.userName} from d order by n
          returning county_code, organisation_id, name, id)
        select ins.id, d.n from ins join d using (county_code, organisation_id, name) order by d.n`.execute(tx);
      ids.push(...out.map((o) => Number(o.id)));
    }
    for (const [county, n] of countBy(rows.map((r) => r.areaCode.slice(0, 6)))) {
      await appendAudit(tx, scope, { action: 'volunteers.team.import', entity: 'volunteer_team', entityId: county, areaCode: county, after: { teams: n } });
    }
    return ids;
  }).catch(uniqueViolation('volunteer_team_name_taken', 'name', '组织已有同名队伍'));
}

/** Registers volunteers (each in the county of their area), optionally each joining a team of that county. */
export async function importVolunteers(db: Database, scope: Scope, rows: readonly BulkVolunteer[]): Promise<number> {
  allow(scope, 'volunteers.manage');
  if (rows.length === 0) return 0;
  const today = todayInChina();
  const known = await existingAreas(db, rows.map((r) => r.areaCode));
  const teamIds = [...new Set(rows.flatMap((r) => (r.teamId === undefined ? [] : [r.teamId])))];
  const teams = new Map(teamIds.length === 0 ? [] : (await db.kysely.selectFrom('volunteer_teams').select(['id', 'county_code']).where('id', 'in', teamIds).execute()).map((t) => [Number(t.id), t.county_code]));
  const seen = new Set<string>();
  const data = rows.map((r, i) => {
    checkArea(scope, known, i, r.areaCode);
    const county = r.areaCode.slice(0, 6);
    const name = r.name.trim();
    if (name.length < 1 || name.length > 50) throw rowError(i, 'name', '请填写姓名（不超过50字）');
    const idNumber = r.idNumber.trim().toUpperCase();
    const parsed = parseIdNumber(idNumber);
    if (!parsed.ok || idNumber.length !== 18) throw rowError(i, 'idNumber', parsed.ok ? '身份证号码应为18位' : parsed.message);
    if (seen.has(`${county}/${idNumber}`)) throw rowError(i, 'idNumber', '该身份证号码在本批中重复');
    seen.add(`${county}/${idNumber}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.registeredOn) || r.registeredOn > today) throw rowError(i, 'registeredOn', `注册日期 ${r.registeredOn} 应为不晚于今天的日期`);
    if (r.skills.some((s) => !SKILLS.includes(s))) throw rowError(i, 'skills', '技能应为 医疗卫生、教育辅导、养老照护、心理疏导、法律服务 或 其他');
    if (r.phone !== undefined && !/^[0-9-]{7,20}$/.test(r.phone)) throw rowError(i, 'phone', '联系电话格式不正确');
    if (r.teamId !== undefined && teams.get(r.teamId) !== county) throw rowError(i, 'teamId', `本县没有志愿服务队伍 ${r.teamId}`);
    return { county_code: county, name, id_number: idNumber, phone: r.phone ?? null, area_code: r.areaCode, skills: [...new Set(r.skills)], registered_on: r.registeredOn, team_id: r.teamId ?? null };
  });
  return bulkWrite(db, scope, async (tx) => {
    for (let at = 0; at < data.length; at += CHUNK) {
      // A volunteer already registered in the county violates the unique index: the whole batch is refused.
      await sql`
        with d as (select * from jsonb_to_recordset(cast(${JSON.stringify(data.slice(at, at + CHUNK))} as jsonb))
          as d (county_code text, name text, id_number text, phone text, area_code text, skills text[], registered_on date, team_id bigint)),
        ins as (insert into volunteers (county_code, name, id_number, phone, area_code, skills, registered_on, recorded_by)
          select county_code, name, id_number, phone, area_code, skills, registered_on, ${scope.userName} from d
          returning county_code, id, id_number)
        insert into volunteer_team_members (county_code, team_id, volunteer_id, joined_on, recorded_by)
        select d.county_code, d.team_id, ins.id, d.registered_on, ${scope.userName} from ins join d using (county_code, id_number) where d.team_id is not null`.execute(tx);
    }
    for (const [county, n] of countBy(data.map((r) => r.county_code))) {
      await appendAudit(tx, scope, { action: 'volunteers.volunteer.import', entity: 'volunteer', entityId: county, areaCode: county, after: { volunteers: n } });
    }
    return data.length;
  }).catch(uniqueViolation('volunteer_id_number_taken', 'idNumber', '已在本县注册为志愿者'));
}

function countBy(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/** A unique-index violation (23505) as the 409 of the single-row use case. */
const uniqueViolation = (code: string, field: string, message: string) => (err: unknown): never => {
  if (typeof err === 'object' && err !== null && 'code' in err && err.code === '23505') throw new AppError(code, `${message}（本批未写入）`, 409, { fields: [{ field: `rows.${field}`, message }] });
  throw err;
};
