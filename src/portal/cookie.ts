// Where the portal lives and the cookie its session travels in (README: security rules).
import type { Config } from '../kernel/config.ts';
import { SESSION_HOURS } from './service.ts';

export const PORTAL_COOKIE = 'jiuzhu_portal';
export const PORTAL_PREFIX = '/api/portal/v1';

/** The session cookie: HttpOnly, SameSite=Strict, Secure behind TLS, as long as the longest session. */
export const sessionCookieOptions = (config: Config) => ({ httpOnly: true, sameSite: 'strict', path: '/', secure: config.cookieSecure, maxAge: SESSION_HOURS * 3600 }) as const;
