// Organisations (慈善组织, 志愿服务组织, 社会工作服务机构, other) and their teams (队伍): register, list, read.
// Rules, each answered naming the field: the 统一社会信用代码 is valid (GB 32100, by the contract) and not
// registered twice (409); only a charity carries a 慈善组织认定 date, not in the future; a team serves a
// township or village of its organisation's county, in the caller's subtree.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { visibleCounties, type Scope } from '../../../kernel/scope.ts';
import type { newOrganisationSchema, newTeamSchema, organisationQuery, teamQuery } from '../contract/organisations.ts';
import { ORG_KIND_LABELS, ORG_STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { organisationById, organisationsIn, teamById, teamsIn, type OrgRow, type TeamRow } from '../repo/registers.ts';
import { managedArea, mayManage, mustSee, organisationCounty, ORGANISATION } from './access.ts';

const orgView = (o: OrgRow) => ({
  id: o.id, countyCode: o.county_code, countyName: o.county_name, kind: o.kind, kindLabel: ORG_KIND_LABELS[o.kind], name: o.name, creditCode: o.credit_code,
  charityRecognisedOn: o.charity_recognised_on, contactPerson: o.contact_person, contactPhone: o.contact_phone, status: o.status, statusLabel: ORG_STATUS_LABELS[o.status], teams: o.teams,
});
export const teamView = (t: TeamRow) => ({
  id: t.id, countyCode: t.county_code, organisationId: t.organisation_id, organisationName: t.organisation_name, name: t.name, areaCode: t.area_code, areaName: t.area_name, leader: t.leader, members: t.members,
});

export async function createOrganisation(db: Database, scope: Scope, input: z.output<typeof newOrganisationSchema>): Promise<number> {
  allow(scope, 'volunteers.manage');
  const county = await organisationCounty(db, scope, input.countyCode);
  if (input.charityRecognisedOn !== undefined) {
    if (input.kind !== 'charity') throw AppError.field('charityRecognisedOn', '只有慈善组织登记慈善组织认定日期');
    if (input.charityRecognisedOn > todayInChina()) throw AppError.field('charityRecognisedOn', '认定日期不能晚于今天');
  }
  if (input.creditCode !== undefined) {
    const taken = await db.kysely.selectFrom('social_organisations').select('id').where('credit_code', '=', input.creditCode).executeTakeFirst();
    if (taken) throw new AppError('volunteer_org_credit_code_taken', `统一社会信用代码 ${input.creditCode} 已登记`, 409, { fields: [{ field: 'creditCode', message: '该统一社会信用代码已登记' }] });
  }
  const sameName = await db.kysely.selectFrom('social_organisations').select('id').where('county_code', '=', county).where('name', '=', input.name).executeTakeFirst();
  if (sameName) throw new AppError('volunteer_org_name_taken', `本县已有「${input.name}」`, 409, { fields: [{ field: 'name', message: '本县已有同名社会组织' }] });
  return write(db, scope, async (tx) => {
    const row = await tx.insertInto('social_organisations').values({
      county_code: county, kind: input.kind, name: input.name, credit_code: input.creditCode ?? null, charity_recognised_on: input.charityRecognisedOn ?? null,
      contact_person: input.contactPerson ?? null, contact_phone: input.contactPhone ?? null, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    const id = Number(row.id);
    await appendAudit(tx, scope, { action: 'volunteers.organisation.create', entity: 'social_organisation', entityId: String(id), areaCode: county, after: input });
    return id;
  });
}

export async function listOrganisations(db: Database, scope: Scope, q: z.output<typeof organisationQuery>) {
  allow(scope, 'volunteers.read');
  return { items: (await organisationsIn(db.kysely, visibleCounties(scope, 'o.county_code'), q)).map(orgView) };
}

export async function organisationDetail(db: Database, scope: Scope, id: number) {
  allow(scope, 'volunteers.read');
  const o = mustSee(scope, await organisationById(db.kysely, id), ORGANISATION, id);
  const teams = await teamsIn(db.kysely, visibleCounties(scope, 't.county_code'), { county: o.county_code, organisation: o.id });
  return { ...orgView(o), teamList: teams.map(teamView), mayManage: mayManage(scope, o.county_code) };
}

export async function createTeam(db: Database, scope: Scope, input: z.output<typeof newTeamSchema>) {
  allow(scope, 'volunteers.manage');
  // The organisation is the county's; the team's area must be the caller's (a caseworker forms teams in their township).
  const o = mustSee(scope, await organisationById(db.kysely, input.organisationId), ORGANISATION, input.organisationId);
  if (o.status !== 'active') throw AppError.field('organisationId', `「${o.name}」已注销`);
  const area = await managedArea(db, scope, 'areaCode', input.areaCode);
  if (area.county !== o.county_code) throw AppError.field('areaCode', '队伍服务的区域应在组织登记的县（市、区）内');
  const same = await db.kysely.selectFrom('volunteer_teams').select('id').where('county_code', '=', o.county_code).where('organisation_id', '=', o.id).where('name', '=', input.name).executeTakeFirst();
  if (same) throw new AppError('volunteer_team_name_taken', `「${o.name}」已有「${input.name}」`, 409, { fields: [{ field: 'name', message: '该组织已有同名队伍' }] });
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('volunteer_teams').values({ county_code: o.county_code, organisation_id: o.id, name: input.name, area_code: area.code, leader: input.leader, recorded_by: scope.userName })
      .returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'volunteers.team.create', entity: 'volunteer_team', entityId: String(row.id), areaCode: area.code, after: input });
    return Number(row.id);
  });
  return teamView((await teamById(db.kysely, id))!);
}

export async function listTeams(db: Database, scope: Scope, q: z.output<typeof teamQuery>) {
  allow(scope, 'volunteers.read');
  return { items: (await teamsIn(db.kysely, visibleCounties(scope, 't.county_code'), q)).map(teamView) };
}
