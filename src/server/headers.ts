import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../kernel/config.ts';

/**
 * Security headers on every answer. The CSP fits the built web UI: its scripts are files of its own
 * origin; antd's CSS-in-JS writes <style> elements, hence style-src 'unsafe-inline'; ECharts and
 * downloads use data: and blob: images. HSTS and upgrade-insecure-requests only behind TLS
 * (JIUZHU_COOKIE_SECURE=1): on a plain-HTTP intranet address they would break the UI.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'cookieSecure'>): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
