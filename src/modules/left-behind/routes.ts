// HTTP of 留守 persons: the yearly survey (排查摸底), one person's file, care plans, visits, warnings and
// their follow-ups, figures by county.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import * as api from './contract/records.ts';
import { leftBehindFigures } from './service/figures.ts';
import { listSurveys, listWarnings, personFile } from './service/read.ts';
import { recordFollowUp } from './service/follow-up.ts';
import { recordCarePlan, recordSurvey, recordVisit } from './service/write.ts';

const tags = ['left-behind'];
const person = '/left-behind/persons/:personId';

export const leftBehindRoutes: RouteModule = (app, { db }) => {
  app.post('/left-behind/surveys', { schema: { tags, summary: '登记留守人员排查摸底（留守儿童、留守老人、留守妇女：外出务工地、监护人、风险）；无监护人的留守儿童即时预警', body: api.newSurveySchema, response: { 200: api.surveyRecorded } } },
    async (req) => {
      const id = await recordSurvey(db, scopeOf(req), req.body);
      const file = await personFile(db, scopeOf(req), id);
      const survey = file.surveys.find((s) => s.year === req.body.year && s.kind === req.body.kind)!;
      return { ...survey, warnings: file.warnings };
    });
  app.get('/left-behind/surveys', { schema: { tags, summary: '留守人员排查摸底列表（按地区、类别、年度；身份证号脱敏）', querystring: api.surveyListQuery, response: { 200: api.surveyList } } },
    async (req) => listSurveys(db, scopeOf(req), req.query));
  app.get(person, { schema: { tags, summary: '留守人员档案：历年排查、关爱计划、走访记录、预警', params: api.personParam, response: { 200: api.personFile } } },
    async (req) => personFile(db, scopeOf(req), req.params.personId));
  app.post(`${person}/care-plans`, { schema: { tags, summary: '制定关爱计划：帮扶责任人（村干部、志愿者、政府购买服务、亲属）与走访间隔', params: api.personParam, body: api.newCarePlanSchema, response: { 200: api.personFile } } },
    async (req) => { await recordCarePlan(db, scopeOf(req), req.params.personId, req.body); return personFile(db, scopeOf(req), req.params.personId); });
  app.post(`${person}/visits`, { schema: { tags, summary: '登记走访（走访情况、发现的风险）', params: api.personParam, body: api.newVisitSchema, response: { 200: api.personFile } } },
    async (req) => { await recordVisit(db, scopeOf(req), req.params.personId, req.body); return personFile(db, scopeOf(req), req.params.personId); });
  app.post(`${person}/follow-ups`, { schema: { tags, summary: '预警处置：转介相关部门（开具一门受理转介）、启动临时救助（关联或新开案件）或无需处置', params: api.personParam, body: api.newFollowUpSchema, response: { 200: api.personFile } } },
    async (req) => { await recordFollowUp(db, scopeOf(req), req.params.personId, req.body); return personFile(db, scopeOf(req), req.params.personId); });
  app.get('/left-behind/warnings', { schema: { tags, summary: '留守人员风险预警（超期未走访、无有效监护的留守儿童、独居患病的留守老人、走访发现风险）', querystring: api.warningQuery, response: { 200: api.warningList } } },
    async (req) => listWarnings(db, scopeOf(req), req.query));
  app.get('/left-behind/figures', { schema: { tags, summary: '留守人员统计：年度排查人数（按类别）、走访次数、未处置预警（按县）', querystring: api.figuresQuery, response: { 200: api.figures } } },
    async (req) => leftBehindFigures(db, scopeOf(req), req.query));
};
