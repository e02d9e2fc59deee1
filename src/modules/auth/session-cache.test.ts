// The session cache (issue 25, item 3): a request's caller is resolved from memory, yet a session that ends or a
// user whose role, area or status changes is refused at once on the instance that made the change, and on every
// other instance sharing the database (PostgreSQL) as soon as the notice arrives. PGlite has one process: the
// "other instance" is the same one there.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabaseAt } from '../../test/db.ts';
import { bearer, STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';

describe(`session cache (${ENGINE})`, () => {
  let a: Database;
  let b: Database;
  let appA: BuiltApp;
  let appB: BuiltApp;
  let admin: string;
  beforeAll(async () => {
    const at = await testDatabaseAt();
    a = at.db;
    b = at.url ? await openDatabase({ databaseUrl: at.url }) : a;
    appA = await testApp(a);
    appB = b === a ? appA : await testApp(b);
    admin = await tokenFor(appA, 'qiannan.admin');
  });
  afterAll(async () => {
    if (appB !== appA) await appB.app.close();
    await appA.app.close();
    if (b !== a) await b.close();
    await a.close();
  });

  const me = (built: BuiltApp, token: string) => built.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
  /** The status `me` answers on `built` once it is `status`, polling for up to 5 s (a notice comes a moment after the commit). */
  async function eventually(built: BuiltApp, token: string, status: number): Promise<number> {
    const until = Date.now() + 5_000;
    for (;;) {
      const res = await me(built, token);
      if (res.statusCode === status || Date.now() > until) return res.statusCode;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** Used on both instances, so that each has the session in its cache. */
  async function warm(token: string): Promise<void> {
    for (const built of [appA, appB, appA, appB]) expect((await me(built, token)).statusCode).toBe(200);
  }
  async function newUser(username: string, areaCode: string): Promise<void> {
    const res = await appA.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: { username, displayName: '缓存测试', password: STRONG_PASSWORD, role: 'county_approver', areaCode } });
    expect(res.statusCode, res.body).toBe(201);
  }

  it('logout: the same token is refused at once, and on the other instance', async () => {
    const token = await tokenFor(appA, 'guanghui.clerk');
    await warm(token);
    const out = await appA.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) });
    expect(out.statusCode).toBe(204);
    expect((await me(appA, token)).statusCode).toBe(401);
    expect(await eventually(appB, token, 401)).toBe(401);
  });

  it('a change of area ends the sessions at once; the next login sees the new scope, on both instances', async () => {
    await newUser('cache.area', '522702');
    const token = await tokenFor(appA, 'cache.area', STRONG_PASSWORD);
    await warm(token);
    expect((await me(appB, token)).json()).toMatchObject({ user: { areaCode: '522702' } });
    const changed = await appA.app.inject({ method: 'PATCH', url: '/api/v1/users/cache.area', headers: bearer(admin), payload: { areaCode: '522701' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await me(appA, token)).statusCode).toBe(401);
    expect(await eventually(appB, token, 401)).toBe(401);
    const again = await tokenFor(appB, 'cache.area', STRONG_PASSWORD);
    expect((await me(appB, again)).json()).toMatchObject({ user: { areaCode: '522701', areaName: '都匀市' } });
    const foreign = await appB.app.inject({ method: 'GET', url: '/api/v1/households?area=522702', headers: bearer(again) });
    expect(foreign.statusCode).toBe(400);
  });

  it('a disabled account is refused at once, on both instances', async () => {
    await newUser('cache.off', '522702');
    const token = await tokenFor(appA, 'cache.off', STRONG_PASSWORD);
    await warm(token);
    const off = await appA.app.inject({ method: 'PATCH', url: '/api/v1/users/cache.off', headers: bearer(admin), payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect((await me(appA, token)).statusCode).toBe(401);
    expect(await eventually(appB, token, 401)).toBe(401);
  });

  it("a password change ends the user's other sessions at once, on both instances", async () => {
    await newUser('cache.password', '522702');
    const mine = await tokenFor(appA, 'cache.password', STRONG_PASSWORD);
    const other = await tokenFor(appA, 'cache.password', STRONG_PASSWORD);
    await warm(other);
    const res = await appA.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: bearer(mine), payload: { currentPassword: STRONG_PASSWORD, newPassword: 'Lan-river.47-kite-2' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(appA, other)).statusCode).toBe(401);
    expect(await eventually(appB, other, 401)).toBe(401);
    const renewed = (res.json() as { token?: string }).token;
    if (!renewed) throw new Error('an API token is renewed in the answer');
    expect((await me(appB, renewed)).statusCode).toBe(200);
  });

  it.skipIf(ENGINE === 'pglite')('a change written straight to the database (another instance, an operator) reaches the cache by its notice', async () => {
    await newUser('cache.sql', '522702');
    const token = await tokenFor(appA, 'cache.sql', STRONG_PASSWORD);
    await warm(token);
    await sql`update users set role = 'auditor' where username = 'cache.sql'`.execute(a.kysely);
    const seen = async (built: BuiltApp) => {
      const until = Date.now() + 5_000;
      for (;;) {
        const role = (await me(built, token)).json<{ user: { role: string } }>().user.role;
        if (role === 'auditor' || Date.now() > until) return role;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    expect(await seen(appA)).toBe('auditor');
    expect(await seen(appB)).toBe('auditor');
    await sql`delete from sessions where user_id = (select id from users where username = 'cache.sql')`.execute(b.kysely);
    expect(await eventually(appA, token, 401)).toBe(401);
    expect(await eventually(appB, token, 401)).toBe(401);
  });
});
