import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import type { AreaNode } from './service.ts';
import * as service from './service.ts';
import { AREA_LEVELS } from '../../kernel/areas.ts';

const codeParam = z.strictObject({ code: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字') });
export const areaSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(AREA_LEVELS),
  parentCode: z.string().nullable(),
  kind: z.enum(['standard', 'functional_zone']),
  childCount: z.number().int(),
  urban: z.boolean().nullable(),
  urbanSource: z.enum(['derived', 'manual']),
});
const detailSchema = z.object({ area: areaSchema, ancestors: z.array(areaSchema), counts: z.object({ county: z.number(), township: z.number(), village: z.number() }) });
const nodeSchema: z.ZodType<AreaNode> = areaSchema.extend({ children: z.array(z.lazy(() => nodeSchema)) });

export const areaRoutes: RouteModule = (app, { db }) => {
  app.get('/areas/tree', {
    schema: {
      tags: ['areas'],
      summary: '当前用户管辖范围内的区划树',
      querystring: z.strictObject({ depth: decimalInt(1, 4).default(2), root: codeParam.shape.code.optional() }),
      response: { 200: z.object({ root: nodeSchema }) },
    },
  }, async (req) => ({ root: await service.getTree(db, scopeOf(req), req.query.root, req.query.depth) }));

  app.get('/areas/search', {
    schema: {
      tags: ['areas'],
      summary: '按名称搜索区划（限管辖范围）',
      querystring: z.strictObject({ q: z.string().trim().min(1, '请输入名称').max(40), limit: decimalInt(1, 100).default(20) }),
      response: { 200: z.object({ items: z.array(areaSchema.extend({ pathNames: z.array(z.string()) })) }) },
    },
  }, async (req) => ({ items: await service.searchAreas(db, scopeOf(req), req.query.q, req.query.limit) }));

  app.get('/areas/:code', {
    schema: {
      tags: ['areas'],
      params: codeParam,
      response: { 200: detailSchema },
    },
  }, async (req) => service.getArea(db, scopeOf(req), req.params.code));

  app.put('/areas/:code/urban', {
    schema: {
      tags: ['areas'],
      summary: '设置村（社区）的城乡属性（城镇/农村），重新导入区划时保留',
      params: codeParam,
      body: z.strictObject({ urban: z.boolean({ message: '城乡属性应为城镇（true）或农村（false）' }) }),
      response: { 200: detailSchema },
    },
  }, async (req) => service.setVillageUrban(db, scopeOf(req), req.params.code, req.body.urban));

  app.get('/areas/:code/children', {
    schema: { tags: ['areas'], params: codeParam, response: { 200: z.object({ items: z.array(areaSchema) }) } },
  }, async (req) => ({ items: await service.getChildren(db, scopeOf(req), req.params.code) }));
};
