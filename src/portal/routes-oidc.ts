// The portal's sign-in methods, and sign-in through the provincial 一网通办 OIDC login (off, 404, when
// JIUZHU_OIDC_ISSUER is unset). The browser goes start → issuer → callback → /portal/ (README: OIDC).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../kernel/errors.ts';
import type { App, AppContext } from '../server/context.ts';
import { PORTAL_COOKIE, PORTAL_PREFIX, sessionCookieOptions } from './cookie.ts';
import { finishSignIn, startSignIn, type OidcSignIn } from './oidc/flow.ts';
import { denied, issuerClient } from './oidc/issuer.ts';
import { LOGIN_MINUTES } from './oidc/logins.ts';

/** Holds the state of a sign-in under way, binding the callback to the browser that started it. */
export const OIDC_COOKIE = 'jiuzhu_portal_oidc';
const OIDC_PATH = `${PORTAL_PREFIX}/auth/oidc`;
/** Where the browser lands once signed in: the portal web app. */
export const PORTAL_HOME = '/portal/';

const methodsSchema = z.object({ methods: z.array(z.enum(['sms', 'oidc'])) });
const redirect = z.null().describe('转到响应头 Location 所指的地址');
const param = (max: number) => z.string().max(max).optional();
// Issuers may add parameters of their own (iss, session_state): unknown ones are ignored.
const callbackQuery = z.object({ code: param(2048), state: param(256), error: param(256), error_description: param(1024) });

const notFound = (req: FastifyRequest) => new AppError('not_found', `没有这个地址：${req.method} ${req.url.split('?')[0]}`, 404);

/** Runs a step that talks to the issuer; a refusal is logged with its reason for the operators, then answered. */
async function logged<T>(req: FastifyRequest, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof AppError) req.log.warn({ code: err.code, reason: err.details?.reason }, 'portal OIDC sign-in refused');
    throw err;
  }
}

export function oidcRoutes(app: App, { db, config }: AppContext): void {
  const oidc: OidcSignIn | null = config.oidc && { config: config.oidc, issuer: issuerClient(config.oidc) };
  const open = { auth: 'citizen', portalPublic: true } as const;
  // SameSite=Lax: the callback is a top-level navigation coming back from the issuer's site.
  const stateCookie = { httpOnly: true, sameSite: 'lax', path: OIDC_PATH, secure: config.cookieSecure } as const;

  app.get('/auth/methods', {
    config: open,
    schema: { tags: ['portal'], summary: '居民端：可用的登录方式（sms 短信验证码；oidc 一网通办统一身份认证）', response: { 200: methodsSchema } },
  }, async () => ({ methods: oidc ? ['sms', 'oidc'] : ['sms'] }) satisfies z.infer<typeof methodsSchema>);

  app.get('/auth/oidc/start', {
    config: open,
    schema: { tags: ['portal'], summary: '居民端：转到一网通办统一身份认证登录', response: { 302: redirect } },
  }, async (req, reply) => {
    if (!oidc) throw notFound(req);
    const redirectUri = oidc.config.redirectUri ?? `${req.protocol}://${req.host}${OIDC_PATH}/callback`;
    const { url, state } = await logged(req, () => startSignIn(db, oidc, redirectUri));
    reply.setCookie(OIDC_COOKIE, state, { ...stateCookie, maxAge: LOGIN_MINUTES * 60 });
    return reply.redirect(url, 302);
  });

  app.get('/auth/oidc/callback', {
    config: open,
    schema: { tags: ['portal'], summary: '居民端：一网通办登录回调（设置居民会话 Cookie，转到居民端首页）', querystring: callbackQuery, response: { 302: redirect } },
  }, async (req, reply) => {
    if (!oidc) throw notFound(req);
    const browserState = req.cookies[OIDC_COOKIE];
    // Whatever happens next, this sign-in attempt is over.
    reply.clearCookie(OIDC_COOKIE, stateCookie);
    const { code, state, error } = req.query;
    if (!error && !state) throw AppError.field('state', '缺少 state 参数');
    if (!error && !code) throw AppError.field('code', '缺少 code 参数');
    const { token } = await logged(req, async () => {
      if (error !== undefined || !state || !code) throw denied(`issuer: ${error ?? 'no code'}`);
      return finishSignIn(db, oidc, { state, browserState, code });
    });
    reply.setCookie(PORTAL_COOKIE, token, sessionCookieOptions(config));
    return reply.redirect(PORTAL_HOME, 302);
  });
}
