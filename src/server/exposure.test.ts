// What the server shows of itself: security headers, /metrics only to the loopback or its token,
// the client address only from trusted proxies, and logs without personal data or credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { loadConfig } from '../kernel/config.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { bearer, tokenFor } from '../test/http.ts';
import { buildApp, type BuiltApp } from './app.ts';
import { maskPersonal, maskUrl } from './logging.ts';

const METRICS_TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const CLIENT = '203.0.113.9';

describe(`exposure: headers, /metrics, client address, logs (${ENGINE})`, () => {
  let db: Database;
  const apps: BuiltApp[] = [];
  const appWith = async (env: NodeJS.ProcessEnv, logStream?: { write(line: string): void }) => {
    const built = await buildApp({ db, config: { ...loadConfig(env), demo: true } }, logStream ? { logStream } : { logger: false });
    apps.push(built);
    return built.app;
  };
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    for (const b of apps) await b.app.close();
    await db.close();
  });

  it('sends CSP, frame-ancestors none, nosniff and no-referrer on pages, API answers and errors; no HSTS over plain HTTP', async () => {
    const app = await appWith({});
    for (const url of ['/healthz', '/api/v1/households', '/api/openapi.json']) {
      const res = await app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS and upgrade-insecure-requests when the session cookie is HTTPS-only', async () => {
    const app = await appWith({ JIUZHU_COOKIE_SECURE: '1' });
    const res = await app.inject({ url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('answers /metrics to the loopback, and to others only with the metrics token; otherwise as if it did not exist', async () => {
    const open = await appWith({});
    const fromLoopback = await open.inject({ url: '/metrics' });
    expect(fromLoopback.statusCode).toBe(200);
    expect(fromLoopback.body).toContain('jiuzhu_http_request_duration_seconds');
    const fromOutside = await open.inject({ url: '/metrics', remoteAddress: CLIENT });
    expect(fromOutside.statusCode).toBe(404);
    expect(fromOutside.body).not.toContain('jiuzhu_');
    expect((await open.inject({ url: '/metrics', remoteAddress: CLIENT, headers: bearer(METRICS_TOKEN) })).statusCode).toBe(404);
    // A proxy on this machine forwards outside callers from 127.0.0.1: not the loopback.
    expect((await open.inject({ url: '/metrics', headers: { 'x-forwarded-for': CLIENT } })).statusCode).toBe(404);

    const withToken = await appWith({ JIUZHU_METRICS_TOKEN: METRICS_TOKEN });
    const good = await withToken.inject({ url: '/metrics', remoteAddress: CLIENT, headers: bearer(METRICS_TOKEN) });
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('jiuzhu_http_request_duration_seconds');
    for (const wrong of [`${METRICS_TOKEN.slice(0, -1)}1`, METRICS_TOKEN.slice(0, 8), '']) {
      expect((await withToken.inject({ url: '/metrics', remoteAddress: CLIENT, headers: bearer(wrong) })).statusCode).toBe(404);
    }
    expect((await withToken.inject({ url: '/metrics', headers: bearer('wrong') })).statusCode).toBe(404);
  });

  it('takes the client address from X-Forwarded-For only when JIUZHU_TRUST_PROXY trusts the proxy', async () => {
    const lines: string[] = [];
    const untrusting = await appWith({}, { write: (l) => lines.push(l) });
    await untrusting.inject({ url: '/healthz', remoteAddress: CLIENT, headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect((await untrusting.inject({ url: '/metrics', remoteAddress: CLIENT, headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(404);

    const trusting = await appWith({ JIUZHU_TRUST_PROXY: '127.0.0.1' }, { write: (l) => lines.push(l) });
    await trusting.inject({ url: '/healthz', headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect((await trusting.inject({ url: '/metrics', headers: { 'x-forwarded-for': CLIENT } })).statusCode).toBe(404);
    expect((await trusting.inject({ url: '/metrics', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(200);

    const addresses = lines.map((l) => JSON.parse(l) as { req?: { url: string; remoteAddress: string } }).filter((l) => l.req?.url === '/healthz').map((l) => l.req?.remoteAddress);
    expect(addresses).toEqual([CLIENT, '198.51.100.7']);
  });

  it('logs requests without ID numbers, names, phone numbers, passwords, tokens or cookies', async () => {
    const lines: string[] = [];
    const app = await appWith({}, { write: (l) => lines.push(l) });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guanghui.caseworker', password: 'jiuzhu-demo' } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const token = await tokenFor({ app, routes: [] }, 'guanghui.caseworker');
    const id = idNumber('1966-05-04', 'female');
    const created = await app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(token), payload: householdInput('522701001001', [memberInput({ idNumber: id, name: '龙秀珍', phone: '13912345678' })]) });
    expect(created.statusCode).toBe(201);
    await app.inject({ url: `/api/v1/households?idNumber=${id}&name=${encodeURIComponent('龙秀')}`, headers: bearer(token) });
    await app.inject({ url: `/api/v1/households?name=龙秀&phone=13912345678`, headers: { cookie } });
    await app.inject({ method: 'DELETE', url: `/api/v1/households/x/members/${id}`, headers: bearer(token) });

    const log = lines.join('');
    expect(log).toContain('/api/v1/households?idNumber=522701********');
    expect(log).toContain('name=***');
    for (const secret of [id, id.slice(6, 14), '龙秀', encodeURIComponent('龙秀'), '13912345678', 'jiuzhu-demo', token, cookie.split('=')[1]!]) {
      expect(log, secret).not.toContain(secret);
    }
  });

  it('masks ID and mobile numbers in error messages too', () => {
    expect(maskPersonal('duplicate key (id_number)=(52270119660504123X) phone 13912345678')).toBe('duplicate key (id_number)=(522701********123X) phone 139****5678');
    expect(maskUrl('/x/52270119660504123x?q=%E9%BE%99&page=2&area=522701001')).toBe('/x/522701********123x?q=***&page=2&area=522701001');
  });
});
