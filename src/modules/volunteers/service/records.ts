// Service records (志愿服务记录, 《志愿服务记录与证明出具办法》): who served, when, what, where, how long, and
// the organiser's confirmation. Only confirmed records count (the volunteer's total, the figures). The
// volunteer never confirms their own record: refused when the confirming staff user is the volunteer's own
// account, or when the organiser named is the volunteer (the same ID number, or — without an ID number —
// the same name).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskName } from '../../../kernel/mask.ts';
import { visibleCounties, type Scope } from '../../../kernel/scope.ts';
import type { confirmSchema, newServiceRecordSchema, serviceQuery } from '../contract/service.ts';
import { allow } from '../permissions.ts';
import { isMember, organisationById, teamById, volunteerById } from '../repo/registers.ts';
import { serviceById, servicePage, type ServiceRow } from '../repo/service.ts';
import { managedArea, mayManage, mustManage, SERVICE_RECORD } from './access.ts';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function serviceView(s: ServiceRow, full: boolean) {
  return {
    id: s.id, countyCode: s.county_code, teamId: s.team_id, teamName: s.team_name, organisationId: s.organisation_id, organisationName: s.organisation_name,
    volunteerId: s.volunteer_id, volunteerName: full ? s.volunteer_name : maskName(s.volunteer_name), activity: s.activity, servedOn: s.served_on,
    areaCode: s.area_code, areaName: s.area_name, minutes: s.minutes, hours: hours(s.minutes),
    confirmed: s.confirmed_on !== null, confirmedBy: s.confirmed_by_name, confirmedOn: s.confirmed_on,
  };
}

export async function recordService(db: Database, scope: Scope, input: z.output<typeof newServiceRecordSchema>) {
  allow(scope, 'volunteers.manage');
  if ((input.teamId === undefined) === (input.organisationId === undefined)) throw AppError.field('teamId', '请指定组织服务的队伍或社会组织（二选一）');
  const area = await managedArea(db, scope, 'areaCode', input.areaCode);
  if (input.servedOn > todayInChina()) throw AppError.field('servedOn', '服务日期不能晚于今天');
  let organisationId: number;
  let teamId: number | null = null;
  let county: string;
  if (input.teamId !== undefined) {
    const t = await teamById(db.kysely, input.teamId);
    if (!t || t.county_code !== area.county) throw AppError.field('teamId', `服务区域所在县没有队伍 ${input.teamId}`);
    organisationId = t.organisation_id; teamId = t.id; county = t.county_code;
  } else {
    const o = await organisationById(db.kysely, input.organisationId!);
    if (!o || o.county_code !== area.county) throw AppError.field('organisationId', `服务区域所在县没有社会组织 ${input.organisationId}`);
    organisationId = o.id; county = o.county_code;
  }
  const v = await volunteerById(db.kysely, input.volunteerId);
  if (!v || v.county_code !== county) throw AppError.field('volunteerId', `本县没有志愿者 ${input.volunteerId}`);
  if (input.servedOn < v.registered_on) throw AppError.field('servedOn', `服务日期不能早于志愿者注册日期 ${v.registered_on}`);
  if (teamId !== null && !(await isMember(db.kysely, county, teamId, v.id))) throw AppError.field('volunteerId', '该志愿者不是此队伍成员');
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('volunteer_service_records').values({
      county_code: county, team_id: teamId, organisation_id: organisationId, volunteer_id: v.id, activity: input.activity, served_on: input.servedOn,
      area_code: area.code, minutes: input.minutes, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'volunteers.service.record', entity: 'volunteer_service_record', entityId: String(row.id), areaCode: area.code, after: input });
    return Number(row.id);
  });
  return serviceView((await serviceById(db.kysely, id))!, true);
}

export async function confirmService(db: Database, scope: Scope, id: number, input: z.output<typeof confirmSchema>) {
  allow(scope, 'volunteers.manage');
  const s = mustManage(scope, await serviceById(db.kysely, id), SERVICE_RECORD, id, (r) => r.area_code);
  if (s.confirmed_on !== null) throw AppError.conflict('volunteer_record_confirmed', `服务记录 ${id} 已于 ${s.confirmed_on} 确认`);
  if (input.confirmedOn < s.served_on) throw AppError.field('confirmedOn', `确认日期不能早于服务日期 ${s.served_on}`);
  if (input.confirmedOn > todayInChina()) throw AppError.field('confirmedOn', '确认日期不能晚于今天');
  if (input.organiserIdNumber !== undefined && input.organiserName === undefined) throw AppError.field('organiserName', '请填写确认人姓名');
  const self = (field: string) => new AppError('volunteer_self_confirmation', '志愿者不能确认本人的服务时长，应由组织者确认', 409, { fields: [{ field, message: '确认人是志愿者本人' }] });
  if (scope.userId !== null && s.volunteer_user_id !== null && scope.userId === s.volunteer_user_id) throw self('confirmedBy');
  if (input.organiserIdNumber !== undefined && input.organiserIdNumber.toUpperCase() === s.volunteer_id_number) throw self('organiserIdNumber');
  if (input.organiserIdNumber === undefined && input.organiserName !== undefined && input.organiserName === s.volunteer_name) throw self('organiserName');
  const byUser = input.organiserName === undefined;
  let name = input.organiserName;
  if (byUser) {
    const u = scope.userId === null ? undefined : await db.kysely.selectFrom('users').select('display_name').where('id', '=', scope.userId).executeTakeFirst();
    name = u?.display_name ?? scope.userName;
  }
  await write(db, scope, async (tx) => {
    const res = await tx.updateTable('volunteer_service_records').set({
      confirmed_on: input.confirmedOn, confirmed_by_name: name!, confirmed_by_user_id: byUser ? scope.userId : null, confirmed_by_id_number: input.organiserIdNumber?.toUpperCase() ?? null,
    }).where('county_code', '=', s.county_code).where('id', '=', s.id).where('confirmed_on', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw AppError.conflict('volunteer_record_confirmed', `服务记录 ${id} 已确认`);
    await appendAudit(tx, scope, { action: 'volunteers.service.confirm', entity: 'volunteer_service_record', entityId: String(s.id), areaCode: s.area_code, after: { confirmedOn: input.confirmedOn, confirmedBy: name, byUser } });
  });
  return serviceView((await serviceById(db.kysely, id))!, true);
}

export async function listService(db: Database, scope: Scope, q: z.output<typeof serviceQuery>) {
  allow(scope, 'volunteers.read');
  const rows = await servicePage(db.kysely, visibleCounties(scope, 's.county_code'), q);
  const last = rows.at(-1);
  return { items: rows.map((r) => serviceView(r, mayManage(scope, r.county_code, r.area_code))), next: rows.length === q.limit && last ? last.id : null };
}
