import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { idNumberSchema, memberSchema } from './domain/schemas.ts';
import { RELATIONS } from './domain/types.ts';
import { addMember, moveMember, removeMember, updateMember } from './service/members.ts';
import { getHousehold, search, timeline } from './service/read.ts';
import { householdUpdateSchema } from './domain/schemas.ts';
import { createHousehold, newHouseholdSchema, replaceItems, updateHousehold } from './service/write.ts';
import { registryVisitRoutes } from './visit-routes.ts';

const noParam = z.strictObject({ householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字') });
const reason = z.string().trim().min(1, '请填写原因').max(200);
// The member is named by its ID number in the body, never in the URL (URLs end up in logs and browser history).
const removeBody = z.strictObject({ idNumber: idNumberSchema, reason });
const moveBody = z.strictObject({ idNumber: idNumberSchema, toHouseholdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字'), relation: z.enum(RELATIONS), reason });
const unmaskQuery = z.strictObject({ unmask: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

const filterFields = {
  name: z.string().trim().min(1).max(20).optional(),
  area: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字').optional(),
  category: z.string().max(40).optional(),
};
/** An ID number is searched for in a request body only: URLs end up in logs, proxies and browser history. */
const idNumberFilter = z.string().trim().regex(/^\d{17}[\dXx]$/, '身份证号码应为18位').transform((v) => v.toUpperCase()).optional();
const noIdInUrl = z.never({ error: '身份证号码不能放在网址中，请用 POST /api/v1/households/search 在请求体中查询' }).optional();

export const searchQuery = z.strictObject({
  ...filterFields,
  idNumber: noIdInUrl,
  page: decimalInt(1).default(1),
  pageSize: decimalInt(1, 200).default(20),
});
export const searchFilters = z.strictObject({ ...filterFields, idNumber: idNumberFilter });
const searchBody = searchFilters.extend({
  page: z.number().int('应为整数').min(1).default(1),
  pageSize: z.number().int('应为整数').min(1).max(200).default(20),
});

const searchItem = z.object({ householdNo: z.string(), villageCode: z.string(), villageName: z.string(), hukou: z.string(), povertyFile: z.boolean(), headName: z.string().nullable(), headIdNumber: z.string().nullable(), size: z.number(), categories: z.array(z.string()) });
/** `total`: the matching households, exact up to the count cap (JIUZHU_SEARCH_COUNT_CAP, 10,000); `totalCapped`: more than that. */
const searchPage = z.object({ total: z.number(), totalCapped: z.boolean(), page: z.number(), pageSize: z.number(), items: z.array(searchItem) });
const anyRecord = z.record(z.string(), z.unknown());
const detail = z.object({ masked: z.boolean(), household: anyRecord, members: z.array(anyRecord), incomes: z.array(anyRecord), assets: z.array(anyRecord) });

export const registryRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx;
  app.get('/households', { schema: { tags: ['registry'], summary: '家庭查询（姓名、身份证号、区划、类别）', querystring: searchQuery, response: { 200: searchPage } } },
    async (req) => search(db, scopeOf(req), req.query, ctx.config.searchCountCap));
  app.post('/households/search', { schema: { tags: ['registry'], summary: '家庭查询（条件在请求体中，含身份证号码）', body: searchBody, response: { 200: searchPage } } },
    async (req) => search(db, scopeOf(req), req.body, ctx.config.searchCountCap));

  app.post('/households', { schema: { tags: ['registry'], summary: '新建家庭', body: newHouseholdSchema, response: { 201: z.object({ householdNo: z.string() }) } } },
    async (req, reply) => reply.status(201).send({ householdNo: await createHousehold(db, scopeOf(req), req.body) }));

  app.get('/households/:householdNo', { schema: { tags: ['registry'], summary: '家庭详情（默认脱敏；unmask=true 查看明文并记审计）', params: noParam, querystring: unmaskQuery, response: { 200: detail } } },
    async (req) => getHousehold(db, scopeOf(req), req.params.householdNo, req.query.unmask));

  app.patch('/households/:householdNo', { schema: { tags: ['registry'], summary: '修改家庭信息（可附 expected：所依据的原值，已被他人修改则 409 并列出字段）', params: noParam, body: householdUpdateSchema, response: { 204: z.null() } } }, async (req, reply) => {
    const { expected, ...patch } = req.body;
    await updateHousehold(db, scopeOf(req), req.params.householdNo, patch, expected);
    return reply.status(204).send(null);
  });

  app.get('/households/:householdNo/timeline', { schema: { tags: ['registry'], summary: '家庭变更记录', params: noParam, querystring: unmaskQuery, response: { 200: z.object({ items: z.array(z.object({ at: z.string(), actorName: z.string(), actorDisplayName: z.string().nullable(), action: z.string(), subject: z.string().nullable(), before: z.unknown(), after: z.unknown() })) }) } } },
    async (req) => ({ items: await timeline(db, scopeOf(req), req.params.householdNo, req.query.unmask) }));

  app.put('/households/:householdNo/incomes', { schema: { tags: ['registry'], summary: '整体替换家庭收入明细', params: noParam, body: z.strictObject({ items: z.array(z.unknown()) }), response: { 204: z.null() } } }, async (req, reply) => {
    await replaceItems(db, scopeOf(req), req.params.householdNo, 'incomes', req.body.items);
    return reply.status(204).send(null);
  });

  app.put('/households/:householdNo/assets', { schema: { tags: ['registry'], summary: '整体替换家庭财产明细', params: noParam, body: z.strictObject({ items: z.array(z.unknown()) }), response: { 204: z.null() } } }, async (req, reply) => {
    await replaceItems(db, scopeOf(req), req.params.householdNo, 'assets', req.body.items);
    return reply.status(204).send(null);
  });

  app.post('/households/:householdNo/members', { schema: { tags: ['registry'], summary: '添加成员', params: noParam, body: memberSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await addMember(db, scopeOf(req), req.params.householdNo, req.body);
    return reply.status(204).send(null);
  });

  app.put('/households/:householdNo/members', { schema: { tags: ['registry'], summary: '修改成员（按请求体中的身份证号码）', params: noParam, body: memberSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await updateMember(db, scopeOf(req), req.params.householdNo, req.body.idNumber, req.body);
    return reply.status(204).send(null);
  });

  app.post('/households/:householdNo/members/remove', { schema: { tags: ['registry'], summary: '移除成员', params: noParam, body: removeBody, response: { 204: z.null() } } }, async (req, reply) => {
    await removeMember(db, scopeOf(req), req.params.householdNo, req.body.idNumber, req.body.reason);
    return reply.status(204).send(null);
  });

  app.post('/households/:householdNo/members/move', { schema: { tags: ['registry'], summary: '成员迁至另一家庭', params: noParam, body: moveBody, response: { 204: z.null() } } }, async (req, reply) => {
    await moveMember(db, scopeOf(req), req.params.householdNo, req.body.idNumber, { householdNo: req.body.toHouseholdNo, relation: req.body.relation, reason: req.body.reason });
    return reply.status(204).send(null);
  });
  registryVisitRoutes(app, ctx);
};
