import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, testApp, tokenFor } from '../test/http.ts';
import type { BuiltApp } from './app.ts';

describe(`HTTP API basics (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let admin: string;
  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    admin = await tokenFor(built, 'qiannan.admin');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const post = (url: string, payload: string | object, token = admin) =>
    built.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it('lists the error-code catalogue, including the codes of the modules and programmes', async () => {
    const res = await built.app.inject({ method: 'GET', url: '/api/v1/error-codes' });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { code: string; status: number; title: string }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ code: 'invalid_json', status: 400 }));
    expect(items).toContainEqual(expect.objectContaining({ code: 'case_open', status: 409, title: '已有办理中的同一项目案件' }));
    expect(items).toContainEqual(expect.objectContaining({ code: 'above_township_limit', status: 409 }));
  });

  it('malformed JSON gets 400 invalid_json, not 500', async () => {
    const res = await post('/api/v1/users', '{"username": "x",');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('invalid_json');
  });

  it('an unknown field gets 400 naming the field', async () => {
    const res = await post('/api/v1/users', { username: 'new.user', displayName: '新用户', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702', salary: 1 });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details.fields).toContainEqual({ field: 'salary', message: expect.stringContaining('salary') });
  });

  it('a wrong type gets 400 naming the field', async () => {
    const res = await post('/api/v1/users', { username: 'new.user', displayName: '新用户', password: 12345, role: 'county_approver', areaCode: '522702' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details.fields?.map((f) => f.field)).toEqual(['password']);
    const q = await built.app.inject({ method: 'GET', url: '/api/v1/areas/tree?depth=nine', headers: bearer(admin) });
    expect(q.statusCode).toBe(400);
    expect(errorOf(q).details).toMatchObject({ location: 'querystring', fields: [{ field: 'depth' }] });
  });

  it('a business rule names its field: role at the wrong level', async () => {
    const res = await post('/api/v1/users', { username: 'bad.level', displayName: '错级', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702001' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details.fields?.[0]?.field).toBe('areaCode');
  });

  it('creates a user who can then log in, and audits it', async () => {
    const res = await post('/api/v1/users', { username: 'fuquan.approver', displayName: '福泉市审批员', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ user: { areaName: '福泉市', role: 'county_approver' } });
    const token = await tokenFor(built, 'fuquan.approver', STRONG_PASSWORD);
    const me = await built.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(me.json()).toMatchObject({ user: { username: 'fuquan.approver' } });
    const audit = await built.app.inject({ method: 'GET', url: '/api/v1/audit?entity=user', headers: bearer(admin) });
    const entry = (audit.json() as { items: { action: string; actorName: string }[] }).items.find((i) => i.action === 'users.create');
    expect(entry?.actorName).toBe('qiannan.admin');
  });

  it('requires a login for API routes, and the cookie login works', async () => {
    const anon = await built.app.inject({ method: 'GET', url: '/api/v1/areas/522700' });
    expect(anon.statusCode).toBe(401);
    const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'duyun.approver', password: 'jiuzhu-demo' } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'jiuzhu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await built.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { jiuzhu_session: cookie?.value ?? '' } });
    expect(me.json()).toMatchObject({ user: { username: 'duyun.approver', areaName: '都匀市' } });
    const out = await built.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { jiuzhu_session: cookie?.value ?? '' } });
    expect(out.statusCode).toBe(204);
    const after = await built.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { jiuzhu_session: cookie?.value ?? '' } });
    expect(after.statusCode).toBe(401);
  });

  it('throttles repeated failed logins for one user name', async () => {
    const attempt = (password: string) => built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'wenfeng.caseworker', password } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const blocked = await attempt('jiuzhu-demo');
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe('too_many_attempts');
  });

  it('the auditor reads but cannot write', async () => {
    const auditor = await tokenFor(built, 'qiannan.auditor');
    const list = await built.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(auditor) });
    expect(list.statusCode).toBe(200);
    const res = await post('/api/v1/users', { username: 'by.auditor', displayName: '审计创建', password: STRONG_PASSWORD, role: 'village_clerk', areaCode: '522701001001' }, auditor);
    expect(res.statusCode).toBe(403);
  });

  it('serves health, metrics and an OpenAPI document listing the routes', async () => {
    expect((await built.app.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'ok', engine: ENGINE });
    const metrics = await built.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('jiuzhu_http_request_duration_seconds');
    const doc = (await built.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/areas/tree', '/api/v1/users', '/api/v1/audit/verify']));
    const unknown = await built.app.inject({ url: '/api/v1/nothing-here', headers: bearer(admin) });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('not_found');
  });

  it('every API route declares the schema of its answers (files as binary of their media types)', () => {
    const api = built.routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(100);
    expect(api.filter((r) => !r.declaresResponse).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });
});
