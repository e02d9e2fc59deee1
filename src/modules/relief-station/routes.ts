// HTTP of 救助管理站: record a screening with its decision, list and read records, the stay's steps
// (entry, services, 寻亲, long-stay approval), the exits (返乡, referral, other), stations, figures.
import type { Scope } from '../../kernel/scope.ts';
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import * as api from './contract/records.ts';
import * as steps from './contract/steps.ts';
import { figures, figuresQuery } from './contract/figures.ts';
import { exitStation, refer, returnHome } from './service/exits.ts';
import { stationFigures } from './service/figures.ts';
import { listRecords, listStations, recordDetail } from './service/read.ts';
import { createRecord } from './service/screening.ts';
import { addSearch, addService, approveLongStay, enterStation } from './service/steps.ts';

const tags = ['relief-station'];
const base = '/relief-station/records';
const one = `${base}/:recordNo`;

export const reliefStationRoutes: RouteModule = (app, { db }) => {
  app.post(base, { schema: { tags, summary: '登记求助人员：甄别（身份、健康、未成年人、精神状况、传染病）与处置（自愿受助、不愿受助、送医、转未成年人救助保护中心）', body: api.newRecordSchema, response: { 200: api.recordDetail } } },
    async (req) => recordDetail(db, scopeOf(req), await createRecord(db, scopeOf(req), req.body)));
  app.get(base, { schema: { tags, summary: '救助记录列表（按县、救助管理站、状态、未成年人、超期、发现日期；身份证号脱敏）', querystring: api.recordListQuery, response: { 200: api.recordList } } },
    async (req) => listRecords(db, scopeOf(req), req.query));
  app.get(one, { schema: { tags, summary: '救助记录：甄别、处置、入站、服务、寻亲、返乡或转介、离站', params: api.recordNoParam, response: { 200: api.recordDetail } } },
    async (req) => recordDetail(db, scopeOf(req), req.params.recordNo));
  const stepSchema = <B>(summary: string, body: B) => ({ schema: { tags, summary, params: api.recordNoParam, body, response: { 200: api.recordDetail } } });
  /** After a step: the record as it now is. */
  const detail = (scope: Scope, recordNo: string) => recordDetail(db, scope, recordNo);
  app.post(`${one}/entry`, stepSchema('入站（入站日期、首日服务）', steps.entrySchema),
    async (req) => { await enterStation(db, scopeOf(req), req.params.recordNo, req.body); return detail(scopeOf(req), req.params.recordNo); });
  app.post(`${one}/services`, stepSchema('登记站内服务（饮食、住宿、医疗、衣物）', steps.serviceSchema),
    async (req) => { await addService(db, scopeOf(req), req.params.recordNo, req.body); return detail(scopeOf(req), req.params.recordNo); });
  app.post(`${one}/family-searches`, stepSchema('登记寻亲（指纹、DNA、寻亲公告、公安核查、联系亲属）', steps.searchSchema),
    async (req) => { await addSearch(db, scopeOf(req), req.params.recordNo, req.body); return detail(scopeOf(req), req.params.recordNo); });
  app.post(`${one}/long-stay`, stepSchema('超过救助期限：登记批准延长救助或办理转介的原因', steps.longStaySchema),
    async (req) => { await approveLongStay(db, scopeOf(req), req.params.recordNo, req.body); return detail(scopeOf(req), req.params.recordNo); });
  app.post(`${one}/return`, stepSchema('返乡（目的地、交通方式与票款、护送、交接）', steps.returnSchema),
    async (req) => { await returnHome(db, scopeOf(req), req.params.recordNo, req.body); return detail(scopeOf(req), req.params.recordNo); });
  app.post(`${one}/referral`, stepSchema('转介至其他机构（托养、未成年人救助保护中心等）', steps.referralSchema),
    async (req) => { await refer(db, scopeOf(req), req.params.recordNo, req.body); return detail(scopeOf(req), req.params.recordNo); });
  app.post(`${one}/exit`, stepSchema('离站（亲属接回、自行离站、死亡）', steps.exitSchema),
    async (req) => { await exitStation(db, scopeOf(req), req.params.recordNo, req.body); return detail(scopeOf(req), req.params.recordNo); });
  app.get('/relief-station/stations', { schema: { tags, summary: '可选的救助管理站及转介机构（本县的机构）', querystring: api.stationQuery, response: { 200: api.stationList } } },
    async (req) => listStations(db, scopeOf(req), req.query));
  app.get('/relief-station/figures', { schema: { tags, summary: '救助管理站统计：甄别人次、实施救助人次、未成年人、返乡、转介、平均在站天数（按县）', querystring: figuresQuery, response: { 200: figures } } },
    async (req) => stationFigures(db, scopeOf(req), req.query));
};
