// HTTP of 农房保险 claims: report, list, one claim, assess, record the payment, refuse.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import * as api from '../contract/claims.ts';
import { listClaims } from '../service/claim-list.ts';
import { assessClaim, claimDetail, payClaim, refuseClaim, reportClaim } from '../service/claims.ts';

const tags = ['housing-insurance'];
const base = '/housing-insurance/claims';

export const claimRoutes: RouteModule = (app, { db }) => {
  app.post(base, { schema: { tags, summary: '农房保险报案（灾害事件、受灾户）', body: api.newClaimSchema, response: { 200: api.claimDetail } } },
    async (req) => reportClaim(db, scopeOf(req), req.body));
  app.get(base, { schema: { tags, summary: '农房保险理赔列表（按区划、年度、灾害事件、状态）', querystring: api.claimListQuery, response: { 200: api.claimList } } },
    async (req) => listClaims(db, scopeOf(req), req.query));
  app.get(`${base}/:claimNo`, { schema: { tags, summary: '农房保险理赔：定损、应赔金额及计算过程、赔付', params: api.claimNoParam, response: { 200: api.claimDetail } } },
    async (req) => claimDetail(db, scopeOf(req), req.params.claimNo));
  app.post(`${base}/:claimNo/assess`, { schema: { tags, summary: '查勘定损（损毁等级、损失金额；须受灾户登记已核实）', params: api.claimNoParam, body: api.assessSchema, response: { 200: api.claimDetail } } },
    async (req) => assessClaim(db, scopeOf(req), req.params.claimNo, req.body));
  app.post(`${base}/:claimNo/pay`, { schema: { tags, summary: '登记保险公司赔付（金额、日期、凭证号）', params: api.claimNoParam, body: api.paySchema, response: { 200: api.claimDetail } } },
    async (req) => payClaim(db, scopeOf(req), req.params.claimNo, req.body));
  app.post(`${base}/:claimNo/refuse`, { schema: { tags, summary: '拒赔（须填写原因）', params: api.claimNoParam, body: api.refuseSchema, response: { 200: api.claimDetail } } },
    async (req) => refuseClaim(db, scopeOf(req), req.params.claimNo, req.body));
};
