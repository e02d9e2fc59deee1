// HTTP of 社会力量参与: organisations, teams, volunteers, team membership, service records and their
// confirmation, and the yearly figures by county.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import { idParam } from './contract/common.ts';
import { figures, figuresQuery } from './contract/figures.ts';
import * as org from './contract/organisations.ts';
import * as people from './contract/people.ts';
import * as svc from './contract/service.ts';
import { volunteerFigures } from './service/figures.ts';
import { createOrganisation, createTeam, listOrganisations, listTeams, organisationDetail } from './service/organisations.ts';
import { addMember, listVolunteers, registerVolunteer, volunteerDetail } from './service/people.ts';
import { confirmService, listService, recordService } from './service/records.ts';

const tags = ['volunteers'];
const base = '/volunteers';

export const volunteerRoutes: RouteModule = (app, { db }) => {
  app.post(`${base}/organisations`, { schema: { tags, summary: '登记社会组织（慈善组织、志愿服务组织、社会工作服务机构；统一社会信用代码、慈善组织认定日期）', body: org.newOrganisationSchema, response: { 200: org.organisationDetail } } },
    async (req) => organisationDetail(db, scopeOf(req), await createOrganisation(db, scopeOf(req), req.body)));
  app.get(`${base}/organisations`, { schema: { tags, summary: '社会组织列表（按县、类别）', querystring: org.organisationQuery, response: { 200: org.organisationList } } },
    async (req) => listOrganisations(db, scopeOf(req), req.query));
  app.get(`${base}/organisations/:id`, { schema: { tags, summary: '社会组织及其志愿服务队伍', params: idParam, response: { 200: org.organisationDetail } } },
    async (req) => organisationDetail(db, scopeOf(req), req.params.id));
  app.post(`${base}/teams`, { schema: { tags, summary: '组建志愿服务队伍（所属组织、服务的乡镇或村、队长）', body: org.newTeamSchema, response: { 200: org.teamItem } } },
    async (req) => createTeam(db, scopeOf(req), req.body));
  app.get(`${base}/teams`, { schema: { tags, summary: '志愿服务队伍列表（按县、组织）', querystring: org.teamQuery, response: { 200: org.teamList } } },
    async (req) => listTeams(db, scopeOf(req), req.query));
  app.post(`${base}/teams/:id/members`, { schema: { tags, summary: '志愿者加入队伍', params: idParam, body: people.memberSchema, response: { 200: org.teamItem } } },
    async (req) => addMember(db, scopeOf(req), req.params.id, req.body));
  app.post(`${base}/people`, { schema: { tags, summary: '注册志愿者（姓名、身份证号码、电话、区域、技能）', body: people.newVolunteerSchema, response: { 200: people.volunteerDetail } } },
    async (req) => volunteerDetail(db, scopeOf(req), await registerVolunteer(db, scopeOf(req), req.body)));
  app.get(`${base}/people`, { schema: { tags, summary: '志愿者列表（姓名、身份证号码脱敏；按县、区域、技能、队伍）', querystring: people.volunteerQuery, response: { 200: people.volunteerList } } },
    async (req) => listVolunteers(db, scopeOf(req), req.query));
  app.get(`${base}/people/:id`, { schema: { tags, summary: '志愿者：所在队伍、已确认的服务时长', params: idParam, response: { 200: people.volunteerDetail } } },
    async (req) => volunteerDetail(db, scopeOf(req), req.params.id));
  app.post(`${base}/service-records`, { schema: { tags, summary: '登记志愿服务记录（队伍或组织、志愿者、内容、日期、区域、时长）', body: svc.newServiceRecordSchema, response: { 200: svc.serviceItem } } },
    async (req) => recordService(db, scopeOf(req), req.body));
  app.post(`${base}/service-records/:id/confirm`, { schema: { tags, summary: '组织者确认服务时长（志愿者本人不能确认）', params: idParam, body: svc.confirmSchema, response: { 200: svc.serviceItem } } },
    async (req) => confirmService(db, scopeOf(req), req.params.id, req.body));
  app.get(`${base}/service-records`, { schema: { tags, summary: '志愿服务记录列表（按县、志愿者、队伍、是否确认、服务日期）', querystring: svc.serviceQuery, response: { 200: svc.serviceList } } },
    async (req) => listService(db, scopeOf(req), req.query));
  app.get(`${base}/figures`, { schema: { tags, summary: '社会力量统计：各类社会组织、队伍、注册志愿者、全年已确认服务时长（按县）', querystring: figuresQuery, response: { 200: figures } } },
    async (req) => volunteerFigures(db, scopeOf(req), req.query));
};
