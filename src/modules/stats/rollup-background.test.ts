import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkChanged } from '../../db/bulk-changed.ts';
import type { Database } from '../../db/engine.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, memberInput } from '../../test/households.ts';
import { bearer, testApp, tokenFor } from '../../test/http.ts';
import type { FiguresResult } from './contract.ts';
import { refreshedInBackground, refreshRollup, startRollupRefresher } from './service/refresher.ts';
import { loadConfig } from '../../kernel/config.ts';
import { buildApp, type BuiltApp } from '../../server/app.ts';

describe(`statistics roll-up refreshed in the background (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let admin: string;
  let caseworker: string;
  let stop = async () => {};
  const logged: string[] = [];

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    admin = await tokenFor(built, 'qiannan.admin');
    caseworker = await tokenFor(built, 'guanghui.caseworker');
  });
  afterAll(async () => {
    await stop();
    await built.app.close();
    await db.close();
  });

  const dashboard = async () => {
    const res = await built.app.inject({ method: 'GET', url: '/api/v1/stats/figures?area=522701&year=2015', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as FiguresResult;
    return { households: body.total.registryHouseholds, asOf: body.rollup.asOf, refreshing: body.rollup.refreshing, refreshedAt: body.refreshedAt };
  };
  const addHousehold = async (name: string) => {
    const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(caseworker), payload: householdInput('522701001001', [memberInput({ name })]) });
    expect(res.statusCode).toBe(201);
  };

  it('a listening server keeps the roll-up in the background, unless JIUZHU_STATS_REFRESH_SECONDS=0; closing it stops that', async () => {
    for (const [seconds, background] of [['30', true], ['0', false]] as const) {
      const server = await buildApp({ db, config: { ...loadConfig({ JIUZHU_STATS_REFRESH_SECONDS: seconds }), demo: true } }, { logger: false });
      expect(refreshedInBackground(db)).toBe(false);
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      expect(refreshedInBackground(db)).toBe(background);
      await server.app.close();
      expect(refreshedInBackground(db)).toBe(false);
    }
  });

  it('without a background refresher (a tool, an app that does not listen) a read counts a change at once', async () => {
    const before = await dashboard();
    await addHousehold('罗一');
    const after = await dashboard();
    expect(after.households).toBe((before.households ?? 0) + 1);
    expect(after.asOf >= before.asOf).toBe(true);
  });

  it('with one, the dashboard answers from the last complete roll-up with its older as-of; the refresh job brings the new figure', async () => {
    stop = startRollupRefresher(db, { intervalSeconds: 3600, log: (m) => logged.push(m) });
    await refreshRollup(db);
    const before = await dashboard();
    expect(before.refreshing).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    await addHousehold('罗二');

    const stale = await dashboard();
    expect(stale).toEqual({ ...before, asOf: stale.asOf, refreshedAt: stale.asOf });
    expect(stale.households).toBe(before.households);
    expect(stale.asOf <= before.asOf).toBe(true);
    const staleAgain = await dashboard();
    expect(staleAgain.asOf).toBe(stale.asOf);

    const progress: [number, number][] = [];
    const r = await refreshRollup(db, (done, total) => progress.push([done, total]));
    expect(r?.areas).toContain('522701001001');
    expect(progress.at(0)).toEqual([0, progress.at(-1)![1]]);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);

    const fresh = await dashboard();
    expect(fresh.households).toBe((before.households ?? 0) + 1);
    expect(fresh.asOf > stale.asOf).toBe(true);
  });

  it('bulk work (an import, a payroll run) sets the refresher off at once, not at its next turn', async () => {
    const before = await dashboard();
    await addHousehold('罗三');
    expect((await dashboard()).households).toBe(before.households);
    bulkChanged(db);
    let now = await dashboard();
    for (let i = 0; i < 100 && now.households === before.households; i++) {
      await new Promise((r) => setTimeout(r, 50));
      now = await dashboard();
    }
    expect(now.households).toBe((before.households ?? 0) + 1);
    expect(logged.some((m) => /stats roll-up refreshed: \d+ areas/.test(m))).toBe(true);
  });
});
