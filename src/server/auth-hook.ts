import type { FastifyReply, FastifyRequest } from 'fastify';
import { userScope, type Scope } from '../kernel/scope.ts';
import { AppError } from '../kernel/errors.ts';
import { resolveToken } from '../modules/auth/index.ts';
import type { AppContext } from './context.ts';

export const SESSION_COOKIE = 'jiuzhu_session';

function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return req.cookies[SESSION_COOKIE] ?? null;
}

/** Resolves the caller (cookie or bearer token) and refuses non-public routes without one. */
export function authHook(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.user = null;
    req.scope = null;
    const auth = req.routeOptions.config.auth ?? 'user';
    // The portal's routes: a staff session means nothing there (src/portal checks its own cookie); nor on the
    // SPDCI API's (src/modules/dci checks its clients' tokens).
    if (auth === 'citizen' || auth === 'client') return;
    req.sessionToken = tokenOf(req);
    if (req.sessionToken) {
      const user = await resolveToken(ctx.db, req.sessionToken);
      if (user) {
        req.user = user;
        req.scope = userScope(user);
      }
    }
    if (auth !== 'public' && req.url.startsWith('/api/') && !req.scope) throw AppError.unauthorized();
  };
}

export function scopeOf(req: FastifyRequest): Scope {
  if (!req.scope) throw AppError.unauthorized();
  return req.scope;
}
