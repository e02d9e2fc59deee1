import { z } from 'zod';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { AREA_LEVELS } from '../../kernel/areas.ts';
import { ROLES } from '../../kernel/permissions.ts';
import * as service from './service.ts';

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  areaCode: z.string(),
  areaName: z.string(),
  areaLevel: z.enum(AREA_LEVELS),
  department: z.string().nullable(),
  permissions: z.array(z.string()),
});

export const userRoutes: RouteModule = (app, { db }) => {
  app.get('/users', {
    schema: { tags: ['users'], summary: '管辖范围内的用户', response: { 200: z.object({ items: z.array(userSchema) }) } },
  }, async (req) => ({ items: await service.listUsers(db, scopeOf(req)) }));

  app.post('/users', {
    schema: { tags: ['users'], summary: '创建用户', body: service.newUserSchema, response: { 201: z.object({ user: userSchema }) } },
  }, async (req, reply) => {
    const user = await service.createUser(db, scopeOf(req), req.body);
    return reply.status(201).send({ user });
  });

  app.patch('/users/:username', {
    schema: {
      tags: ['users'],
      summary: '修改用户的角色、区划、部门或启用状态（该用户的所有会话随即失效）',
      params: z.strictObject({ username: z.string().min(1).max(40) }),
      body: service.userChangeSchema,
      response: { 200: z.object({ user: userSchema.extend({ active: z.boolean() }) }) },
    },
  }, async (req) => ({ user: await service.updateUser(db, scopeOf(req), req.params.username, req.body) }));
};
