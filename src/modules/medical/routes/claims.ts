// Claims (医疗救助申请): record one at the window (answering a referral to 医保 if given), list an area's, a person's year.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import { claimCreated, claimList, claimListQuery, newClaimSchema, personYear, personYearQuery } from '../contract/claims.ts';
import { createClaim, listClaims, personYear as personYearOf } from '../service/claims.ts';

const tags = ['medical'];

export const claimRoutes: RouteModule = (app, { db }) => {
  app.post('/medical/claims', { schema: { tags, summary: '受理医疗救助申请（门诊、住院、重特大疾病）；可答复转给医保部门的转办事项', body: newClaimSchema, response: { 200: claimCreated } } },
    async (req) => createClaim(db, scopeOf(req), req.body));
  app.get('/medical/claims', { schema: { tags, summary: '医疗救助申请列表（按区划、年度、状态）', querystring: claimListQuery, response: { 200: claimList } } },
    async (req) => listClaims(db, scopeOf(req), req.query));
  app.post('/medical/person-year', { schema: { tags, summary: '某人某年度的就医救助情况（一站式结算与窗口申请），身份证号码放在请求体中', body: personYearQuery, response: { 200: personYear } } },
    async (req) => personYearOf(db, scopeOf(req), req.body));
};
