// Registered volunteers and team membership. A volunteer is the county's of their area; the ID number is
// valid (GB 11643, by the contract) and registered once per county (409). Lists mask the name and ID number;
// the detail shows them in full to those who may manage the volunteer, masked to the rest.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber, maskName, maskPhone } from '../../../kernel/mask.ts';
import { inArea, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import type { memberSchema, newVolunteerSchema, volunteerQuery } from '../contract/people.ts';
import { SKILL_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { isMember, teamById, teamsOf, volunteerById, volunteersIn, type VolunteerRow } from '../repo/registers.ts';
import { teamView } from './organisations.ts';
import { managedArea, mayManage, mustManage, mustSee, TEAM, VOLUNTEER } from './access.ts';

function volunteerView(v: VolunteerRow, full: boolean) {
  return {
    id: v.id, countyCode: v.county_code, countyName: v.county_name, areaCode: v.area_code, areaName: v.area_name,
    name: full ? v.name : maskName(v.name), idNumber: full ? v.id_number : maskIdNumber(v.id_number), phone: v.phone === null ? null : full ? v.phone : maskPhone(v.phone),
    skills: v.skills, skillLabels: v.skills.map((s) => SKILL_LABELS[s]), registeredOn: v.registered_on, confirmedMinutes: v.confirmed_minutes,
  };
}

export async function registerVolunteer(db: Database, scope: Scope, input: z.output<typeof newVolunteerSchema>): Promise<number> {
  allow(scope, 'volunteers.manage');
  const area = await managedArea(db, scope, 'areaCode', input.areaCode);
  if (input.registeredOn > todayInChina()) throw AppError.field('registeredOn', '注册日期不能晚于今天');
  const idNumber = input.idNumber.toUpperCase();
  const taken = await db.kysely.selectFrom('volunteers').select('id').where('county_code', '=', area.county).where('id_number', '=', idNumber).executeTakeFirst();
  if (taken) throw new AppError('volunteer_id_number_taken', '该身份证号码已在本县注册为志愿者', 409, { fields: [{ field: 'idNumber', message: '已注册' }] });
  if (input.userId !== undefined) {
    const u = await db.kysely.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst();
    if (!u) throw AppError.field('userId', `用户 ${input.userId} 不存在`);
  }
  const skills = [...new Set(input.skills)];
  return write(db, scope, async (tx) => {
    const row = await tx.insertInto('volunteers').values({
      county_code: area.county, name: input.name, id_number: idNumber, phone: input.phone ?? null, area_code: area.code, skills, registered_on: input.registeredOn,
      user_id: input.userId ?? null, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    const id = Number(row.id);
    await appendAudit(tx, scope, { action: 'volunteers.volunteer.register', entity: 'volunteer', entityId: String(id), areaCode: area.code, after: { ...input, idNumber: maskIdNumber(idNumber) } });
    return id;
  });
}

export async function listVolunteers(db: Database, scope: Scope, q: z.output<typeof volunteerQuery>) {
  allow(scope, 'volunteers.read');
  const rows = await volunteersIn(db.kysely, visibleCounties(scope, 'v.county_code'), { county: q.county, skill: q.skill, team: q.team, area: q.area === undefined ? undefined : inArea(q.area, 'v.area_code') });
  return { items: rows.map((v) => volunteerView(v, false)) };
}

export async function volunteerDetail(db: Database, scope: Scope, id: number) {
  allow(scope, 'volunteers.read');
  const v = mustSee(scope, await volunteerById(db.kysely, id), VOLUNTEER, id);
  const manage = mayManage(scope, v.county_code, v.area_code);
  const teams = await teamsOf(db.kysely, v);
  return { ...volunteerView(v, manage), teams: teams.map((t) => ({ teamId: Number(t.team_id), teamName: t.team_name, joinedOn: t.joined_on })), mayManage: manage };
}

export async function addMember(db: Database, scope: Scope, teamId: number, input: z.output<typeof memberSchema>) {
  allow(scope, 'volunteers.manage');
  const team = mustManage(scope, await teamById(db.kysely, teamId), TEAM, teamId, (t) => t.area_code);
  const v = await volunteerById(db.kysely, input.volunteerId);
  if (!v || v.county_code !== team.county_code) throw AppError.field('volunteerId', `本县没有志愿者 ${input.volunteerId}`);
  if (input.joinedOn > todayInChina()) throw AppError.field('joinedOn', '加入日期不能晚于今天');
  if (input.joinedOn < v.registered_on) throw AppError.field('joinedOn', `加入日期不能早于注册日期 ${v.registered_on}`);
  if (await isMember(db.kysely, team.county_code, team.id, v.id)) throw new AppError('volunteer_already_member', '该志愿者已是本队伍成员', 409, { fields: [{ field: 'volunteerId', message: '已是成员' }] });
  await write(db, scope, async (tx) => {
    await tx.insertInto('volunteer_team_members').values({ county_code: team.county_code, team_id: team.id, volunteer_id: v.id, joined_on: input.joinedOn, recorded_by: scope.userName }).execute();
    await appendAudit(tx, scope, { action: 'volunteers.team.member_add', entity: 'volunteer_team', entityId: String(team.id), areaCode: team.area_code, after: input });
  });
  return teamView((await teamById(db.kysely, team.id))!);
}
