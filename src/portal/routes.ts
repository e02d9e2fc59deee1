// The citizen portal's API under /api/portal/v1: its own session cookie, hook and rate limit.
// Staff sessions are never read here, and the staff hook never reads the portal cookie.
import { z } from 'zod';
import { AppError } from '../kernel/errors.ts';
import type { CitizenScope } from '../kernel/scope.ts';
import type { App, AppContext } from '../server/context.ts';
import { PORTAL_COOKIE, PORTAL_PREFIX, sessionCookieOptions } from './cookie.ts';
import { rateLimiter } from './rate-limit.ts';
import { applyRoutes } from './routes-apply.ts';
import { citizenOf } from './request.ts';
import { portalCaseRoutes } from './routes-cases.ts';
import { portalNoticeRoutes } from './routes-notices.ts';
import { complaintRoutes } from './routes-complaints.ts';
import { oidcRoutes } from './routes-oidc.ts';
import { suggestionRoutes } from './routes-suggestions.ts';
import * as service from './service.ts';
import { smsProvider } from './sms/index.ts';

export { PORTAL_COOKIE, PORTAL_PREFIX };

declare module 'fastify' {
  interface FastifyRequest {
    citizen: CitizenScope | null;
    portalToken: string | null;
  }
  interface FastifyContextConfig {
    /** Portal routes open before sign-in (requesting and checking a code). */
    portalPublic?: boolean;
  }
}

const message = z.object({ message: z.string() });
const meSchema = z.object({
  name: z.string().nullable(),
  idNumber: z.string(),
  households: z.array(z.object({ householdNo: z.string(), villageName: z.string(), members: z.array(z.object({ name: z.string() })) })),
});
const text = (max: number) => z.string().trim().max(max);

/** Registers the portal (call inside a plugin registered with prefix PORTAL_PREFIX). */
export function portalRoutes(app: App, ctx: AppContext): void {
  const { db, config } = ctx;
  const sms = smsProvider(config.sms, app.log);
  const limit = rateLimiter();
  const cookieOptions = sessionCookieOptions(config);

  app.decorateRequest('citizen', null);
  app.decorateRequest('portalToken', null);
  app.addHook('onRequest', async (req) => {
    limit(req.ip);
    req.citizen = null;
    req.portalToken = req.cookies[PORTAL_COOKIE] ?? null;
    if (req.portalToken) req.citizen = (await service.resolveSession(db, req.portalToken)) ?? null;
    if (!req.routeOptions.config.portalPublic && !req.citizen) throw AppError.unauthorized('请先登录');
  });

  const open = { auth: 'citizen', portalPublic: true } as const;
  const signedIn = { auth: 'citizen' } as const;

  app.post('/auth/code', {
    config: open,
    schema: { tags: ['portal'], summary: '居民端：获取登录验证码（无论是否登记，回答相同）', body: z.strictObject({ idNumber: text(30), phone: text(20) }), response: { 200: message } },
  }, async (req) => {
    await service.requestCode(db, sms, { ...req.body, ip: req.ip });
    return { message: service.CODE_SENT };
  });

  app.post('/auth/verify', {
    config: open,
    schema: { tags: ['portal'], summary: '居民端：以验证码登录（设置居民会话 Cookie）', body: z.strictObject({ idNumber: text(30), code: text(10) }), response: { 200: meSchema } },
  }, async (req, reply) => {
    const { token, scope } = await service.verifyCode(db, req.body);
    reply.setCookie(PORTAL_COOKIE, token, cookieOptions);
    return service.me(db, scope);
  });

  oidcRoutes(app, ctx);

  app.get('/me', { config: signedIn, schema: { tags: ['portal'], summary: '居民端：本人信息与所在家庭（脱敏）', response: { 200: meSchema } } }, async (req) => service.me(db, citizenOf(req)));

  app.post('/auth/logout', { config: signedIn, schema: { tags: ['portal'], summary: '居民端：退出登录', response: { 204: z.null() } } }, async (req, reply) => {
    const scope = citizenOf(req);
    if (req.portalToken) await service.logout(db, scope, req.portalToken);
    reply.clearCookie(PORTAL_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  applyRoutes(app, ctx);
  suggestionRoutes(app, ctx);
  portalCaseRoutes(app, ctx);
  portalNoticeRoutes(app, ctx);
  complaintRoutes(app, ctx);
}
