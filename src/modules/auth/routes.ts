import { z } from 'zod';
import { SESSION_COOKIE, scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { userSchema } from '../users/index.ts';
import * as service from './service.ts';

const credentials = z.strictObject({ username: z.string().min(1, '请输入用户名').max(40), password: z.string().min(1, '请输入密码').max(200) });
const passwordChange = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(200),
  newPassword: z.string().min(1, '请输入新密码').max(200),
});

export const authRoutes: RouteModule = (app, { db, config }) => {
  const cookieOptions = { httpOnly: true, sameSite: 'strict', path: '/', secure: config.cookieSecure, maxAge: config.sessionHours * 3600 } as const;

  app.post('/auth/login', {
    config: { auth: 'public' },
    schema: { tags: ['auth'], summary: '登录（设置会话 Cookie；请求带来的旧会话随即失效）', body: credentials, response: { 200: z.object({ user: userSchema }) } },
  }, async (req, reply) => {
    const { user, token } = await service.login(db, { ...req.body, ip: req.ip, kind: 'cookie', hours: config.sessionHours, replacing: req.sessionToken });
    reply.setCookie(SESSION_COOKIE, token, cookieOptions);
    return { user };
  });

  app.post('/auth/tokens', {
    config: { auth: 'public' },
    schema: {
      tags: ['auth'],
      summary: '为 API 客户端签发 Bearer 令牌（请求带来的旧会话或令牌随即失效）',
      body: credentials.extend({ label: z.string().max(80).optional(), days: z.number().int().min(1).max(365).default(30) }),
      response: { 201: z.object({ token: z.string(), user: userSchema, expiresInDays: z.number() }) },
    },
  }, async (req, reply) => {
    const { username, password, label, days } = req.body;
    const { user, token } = await service.login(db, { username, password, label, ip: req.ip, kind: 'api', hours: days * 24, replacing: req.sessionToken });
    return reply.status(201).send({ token, user, expiresInDays: days });
  });

  app.post('/auth/password', {
    schema: {
      tags: ['auth'],
      summary: '修改自己的密码（其他会话全部失效；当前会话换新：Cookie 会话设新 Cookie，API 令牌在 token 中返回新令牌）',
      body: passwordChange,
      response: { 200: z.object({ user: userSchema, token: z.string().optional() }) },
    },
  }, async (req, reply) => {
    const scope = scopeOf(req);
    if (!req.user || !req.sessionToken) throw new Error('unreachable: scope without user');
    const { token, kind } = await service.changePassword(db, scope, { ...req.body, token: req.sessionToken, ip: req.ip, hours: config.sessionHours });
    if (kind === 'cookie') {
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return { user: req.user };
    }
    return { user: req.user, token };
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录（本会话失效）', response: { 204: z.null() } } }, async (req, reply) => {
    if (req.sessionToken) await service.logout(db, scopeOf(req), req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前登录的用户', response: { 200: z.object({ user: userSchema }) } } }, async (req) => {
    scopeOf(req);
    if (!req.user) throw new Error('unreachable: scope without user');
    return { user: req.user };
  });
};
