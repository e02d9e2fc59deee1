import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import * as service from './service.ts';

export const auditRoutes: RouteModule = (app, { db }) => {
  app.get('/audit', {
    schema: {
      tags: ['audit'],
      summary: '审计日志（限管辖范围）',
      querystring: z.strictObject({
        limit: decimalInt(1, 500).default(50),
        before: decimalInt(1).optional(),
        entity: z.string().max(40).optional(),
        entityId: z.string().max(80).optional(),
      }),
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.number(), at: z.string(), actorName: z.string().nullable(), actorDisplayName: z.string().nullable(), action: z.string(), entity: z.string(), entityId: z.string().nullable(), areaCode: z.string().nullable(), areaName: z.string().nullable() })),
        }),
      },
    },
  }, async (req) => ({ items: await service.listEntries(db, scopeOf(req), req.query) }));

  app.post('/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: '校验审计哈希链',
      response: {
        200: z.object({
          ok: z.boolean(),
          checked: z.number(),
          chains: z.number(),
          firstBrokenId: z.number().nullable(),
          chain: z.string().nullable(),
          reason: z.string().nullable(),
          broken: z.array(z.object({ chain: z.string(), firstBrokenId: z.number(), reason: z.string() })),
        }),
      },
    },
  }, async (req) => service.verify(db, scopeOf(req)));
};
