// 受灾户登记 of an event: register, list with totals, read one, correct, verify (two staff), void.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import { correctDamageSchema, damageList, damageListQuery, damageView, householdNoParam, newDamageSchema, verifyDamageSchema, voidDamageSchema } from '../contract/damage.ts';
import { eventNoParam } from '../contract/events.ts';
import { registerDamage } from '../service/damage.ts';
import { damageDetail, listDamage } from '../service/damage-read.ts';
import { correctDamage, verifyDamage, voidDamage } from '../service/damage-steps.ts';

const tags = ['disaster'];
const base = '/disaster/events/:eventNo/damage';

export const damageRoutes: RouteModule = (app, { db }) => {
  app.post(base, { schema: { tags, summary: '登记受灾户（registry 中的家庭，或现场新登记户）', params: eventNoParam, body: newDamageSchema, response: { 200: damageView } } },
    async (req) => registerDamage(db, scopeOf(req), req.params.eventNo, req.body));
  app.get(base, { schema: { tags, summary: '受灾户登记列表（按区划、状态、房屋损坏等级），附按等级、状态合计', params: eventNoParam, querystring: damageListQuery, response: { 200: damageList } } },
    async (req) => listDamage(db, scopeOf(req), req.params.eventNo, req.query));
  app.get(`${base}/:householdNo`, { schema: { tags, summary: '一户的受灾登记', params: householdNoParam, response: { 200: damageView } } },
    async (req) => damageDetail(db, scopeOf(req), req.params.eventNo, req.params.householdNo));
  app.patch(`${base}/:householdNo`, { schema: { tags, summary: '更正受灾户登记（核查完成前；须带所读版本号）', params: householdNoParam, body: correctDamageSchema, response: { 200: damageView } } },
    async (req) => correctDamage(db, scopeOf(req), req.params.eventNo, req.params.householdNo, req.body));
  app.post(`${base}/:householdNo/verify`, { schema: { tags, summary: '入户核查（须两名不同工作人员，第二次核查后为已核查）', params: householdNoParam, body: verifyDamageSchema, response: { 200: damageView } } },
    async (req) => verifyDamage(db, scopeOf(req), req.params.eventNo, req.params.householdNo, req.body));
  app.post(`${base}/:householdNo/void`, { schema: { tags, summary: '作废受灾户登记（须写明原因；作废后可重新登记）', params: householdNoParam, body: voidDamageSchema, response: { 200: damageView } } },
    async (req) => voidDamage(db, scopeOf(req), req.params.eventNo, req.params.householdNo, req.body));
};
