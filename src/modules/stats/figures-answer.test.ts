// The written figures kept per instance (service/figures-cache.ts) never outlive what they were written for: a
// parameter change, a logout, a change of a user's area, and never reach another scope — two counties' approvers
// each get their own, and a kept entry opens no area to a user outside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';
import type { FiguresResult } from './contract.ts';
import { refreshRollup, startRollupRefresher } from './service/refresher.ts';

describe(`written figures kept per instance: never stale, never another scope's (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let admin: string;
  let stop = async () => {};
  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    admin = await tokenFor(built, 'qiannan.admin');
    stop = startRollupRefresher(db, { intervalSeconds: 3600, log: () => {} });
    await addHousehold('罗四');
    await refreshRollup(db);
    const created = await built.app.inject({
      method: 'POST', url: '/api/v1/users', headers: bearer(admin),
      payload: { username: 'fuquan.approver', displayName: '福泉市民政局审批员', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(async () => {
    await stop();
    await built.app.close();
    await db.close();
  });

  const addHousehold = async (name: string) => {
    const caseworker = await tokenFor(built, 'guanghui.caseworker');
    const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(caseworker), payload: householdInput('522701001001', [memberInput({ name })]) });
    expect(res.statusCode, res.body).toBe(201);
  };
  const get = (token: string, query = '') => built.app.inject({ method: 'GET', url: `/api/v1/stats/figures${query}`, headers: bearer(token) });
  const figuresOf = async (token: string, query = '') => {
    const res = await get(token, query);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json() as FiguresResult;
  };
  const urbanStandard = (f: FiguresResult) => f.programmes.find((p) => p.code === 'dibao')?.total.find((x) => x.key === 'urbanStandard')?.value;

  it('two counties\' approvers each get their own county, read after read; neither gets into the other\'s', async () => {
    const duyun = await tokenFor(built, 'duyun.approver');
    const fuquan = await tokenFor(built, 'fuquan.approver', STRONG_PASSWORD);
    for (let i = 0; i < 2; i++) {
      const [a, b] = [await figuresOf(duyun, '?year=2015'), await figuresOf(fuquan, '?year=2015')];
      expect(a.area.code).toBe('522701');
      expect(b.area.code).toBe('522702');
      expect(a.units.map((u) => u.code.slice(0, 6))).toEqual(a.units.map(() => '522701'));
      expect(b.units.map((u) => u.code.slice(0, 6))).toEqual(b.units.map(() => '522702'));
      expect(a.total.registryHouseholds).toBeGreaterThan(b.total.registryHouseholds ?? 0);
    }
    // 都匀市's figures are kept under its approver's scope: asked for by name, they stay refused to 福泉市's.
    expect((await figuresOf(duyun, '?area=522701')).area.code).toBe('522701');
    const refused = await get(fuquan, '?area=522701');
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details.fields?.[0]?.field).toBe('area');
    // …and to a township caseworker inside it (the county is above a township's area).
    const caseworker = await tokenFor(built, 'guanghui.caseworker');
    expect((await get(caseworker, '?area=522701')).statusCode).toBe(400);
    expect((await figuresOf(caseworker)).area.code).toBe('522701001');
  });

  it('a logout ends the kept answers for that session at once; another session of the same scope still reads', async () => {
    const first = await tokenFor(built, 'duyun.approver');
    const second = await tokenFor(built, 'duyun.approver');
    await figuresOf(first);
    const out = await built.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(first) });
    expect(out.statusCode).toBe(204);
    expect((await get(first)).statusCode).toBe(401);
    expect((await figuresOf(second)).area.code).toBe('522701');
  });

  it('a user moved to another county reads that county\'s figures, and no longer the old one\'s', async () => {
    const before = await tokenFor(built, 'fuquan.approver', STRONG_PASSWORD);
    expect((await figuresOf(before)).area.code).toBe('522702');
    const moved = await built.app.inject({ method: 'PATCH', url: '/api/v1/users/fuquan.approver', headers: bearer(admin), payload: { areaCode: '522701' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await get(before)).statusCode).toBe(401);
    const after = await tokenFor(built, 'fuquan.approver', STRONG_PASSWORD);
    expect((await figuresOf(after)).area.code).toBe('522701');
    expect((await get(after, '?area=522702')).statusCode).toBe(400);
  });

  it('a parameter change is in the next read, with no refresh of the roll-up', async () => {
    const query = '?area=522701&year=2016';
    const duyun = await tokenFor(built, 'duyun.approver');
    const before = urbanStandard(await figuresOf(duyun, query));
    expect(urbanStandard(await figuresOf(duyun, query))).toBe(before);
    const added = await built.app.inject({
      method: 'POST', url: '/api/v1/policy/parameters/dibao.standard.urban/values', headers: bearer(admin),
      payload: { area: '522701', effective: '2016-12-31', value: 987, reference: '都匀市城市低保标准调整通知（测试）' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(before).not.toBe(98_700);
    expect(urbanStandard(await figuresOf(duyun, query))).toBe(98_700);
  });

  it('a refresh is in the next read, with its later as-of', async () => {
    const duyun = await tokenFor(built, 'duyun.approver');
    const before = await figuresOf(duyun);
    await addHousehold('罗五');
    const stale = await figuresOf(duyun);
    expect(stale.total.registryHouseholds).toBe(before.total.registryHouseholds);
    expect(stale.rollup.asOf).toBe(before.rollup.asOf);
    await refreshRollup(db);
    const fresh = await figuresOf(duyun);
    expect(fresh.total.registryHouseholds).toBe((before.total.registryHouseholds ?? 0) + 1);
    expect(fresh.rollup.asOf > before.rollup.asOf).toBe(true);
    expect(fresh.refreshedAt).toBe(fresh.rollup.asOf);
  });
});
