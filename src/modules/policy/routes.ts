import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import * as api from './contract.ts';
import { explainHousehold } from './service/explain.ts';
import { addValue, editValue, getParameter, listParameters, newValueSchema, valuePatchSchema } from './service/parameters.ts';
import { simulate, simulateSchema } from './service/simulate.ts';

const nameParam = z.strictObject({ name: z.string().regex(/^[a-z0-9_.]+$/, '参数名称只含小写字母、数字、下划线和点') });
const valueParam = nameParam.extend({ id: decimalInt(1) });
const listQuery = z.strictObject({ prefix: z.string().regex(/^[a-z0-9_.]+$/).optional() });
const explainQuery = z.strictObject({
  householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM'),
});

export const policyRoutes: RouteModule = (app, { db }) => {
  app.get('/policy/parameters', { schema: { tags: ['policy'], summary: '政策参数（各区划的现行值与历史值）', querystring: listQuery, response: { 200: api.parameterList } } },
    async (req) => ({ items: await listParameters(db, scopeOf(req), req.query.prefix) }));

  app.get('/policy/parameters/:name', { schema: { tags: ['policy'], summary: '一个政策参数及其各期取值', params: nameParam, response: { 200: api.parameter } } },
    async (req) => getParameter(db, scopeOf(req), req.params.name));

  app.post('/policy/parameters/:name/values', { schema: { tags: ['policy'], summary: '新增一个生效日期的参数值（州级管理员）', params: nameParam, body: newValueSchema, response: { 201: api.parameterValue } } },
    async (req, reply) => reply.status(201).send(await addValue(db, scopeOf(req), req.params.name, req.body)));

  app.patch('/policy/parameters/:name/values/:id', { schema: { tags: ['policy'], summary: '修改尚未使用的参数值；已使用的值只能以新值替代', params: valueParam, body: valuePatchSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await editValue(db, scopeOf(req), req.params.name, req.params.id, req.body);
    return reply.status(204).send(null);
  });

  app.get('/policy/explain', { schema: { tags: ['policy'], summary: '家庭低保金测算说明（每一步及所用参数）', querystring: explainQuery, response: { 200: api.explanation } } },
    async (req) => explainHousehold(db, scopeOf(req), req.query.householdNo, req.query.month));

  app.post('/policy/simulate', { schema: { tags: ['policy'], summary: '低保标准测算：草案与现行值对比（按县）', body: simulateSchema, response: { 200: api.simulation } } },
    async (req) => simulate(db, scopeOf(req), req.body));
};
