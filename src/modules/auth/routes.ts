import { z } from 'zod';
import { SESSION_COOKIE, scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { userSchema } from '../users/index.ts';
import * as service from './service.ts';

const credentials = z.strictObject({ username: z.string().min(1, '请输入用户名').max(40), password: z.string().min(1, '请输入密码').max(200) });

export const authRoutes: RouteModule = (app, { db, config }) => {
  app.post('/auth/login', {
    config: { auth: 'public' },
    schema: { tags: ['auth'], summary: '登录（设置会话 Cookie）', body: credentials, response: { 200: z.object({ user: userSchema }) } },
  }, async (req, reply) => {
    const { user, token } = await service.login(db, { ...req.body, ip: req.ip, kind: 'cookie', hours: config.sessionHours });
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: config.cookieSecure, maxAge: config.sessionHours * 3600 });
    return { user };
  });

  app.post('/auth/tokens', {
    config: { auth: 'public' },
    schema: {
      tags: ['auth'],
      summary: '为 API 客户端签发 Bearer 令牌',
      body: credentials.extend({ label: z.string().max(80).optional(), days: z.number().int().min(1).max(365).default(30) }),
      response: { 201: z.object({ token: z.string(), user: userSchema, expiresInDays: z.number() }) },
    },
  }, async (req, reply) => {
    const { username, password, label, days } = req.body;
    const { user, token } = await service.login(db, { username, password, label, ip: req.ip, kind: 'api', hours: days * 24 });
    return reply.status(201).send({ token, user, expiresInDays: days });
  });

  app.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    if (req.sessionToken) await service.logout(db, scopeOf(req), req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: z.object({ user: userSchema }) } } }, async (req) => {
    scopeOf(req);
    if (!req.user) throw new Error('unreachable: scope without user');
    return { user: req.user };
  });
};
