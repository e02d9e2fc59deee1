// The dashboard's figures kept per instance (service/figures-cache.ts): a read serves the kept figures while the
// roll-up stays as it was, and the first read after a refresh — by this instance or by another one sharing the
// database (PostgreSQL) — counts what the refresh brought.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabaseAt } from '../../test/db.ts';
import { householdInput, memberInput } from '../../test/households.ts';
import { bearer, testApp, tokenFor } from '../../test/http.ts';
import type { FiguresResult } from './contract.ts';
import { sql } from 'kysely';
import { refreshRollup, startRollupRefresher } from './service/refresher.ts';
import { KNOWN_ROLLUP } from './service/rollup-known.ts';

describe(`statistics figures kept per instance (${ENGINE})`, () => {
  let a: Database;
  let b: Database;
  let built: BuiltApp;
  let admin: string;
  let caseworker: string;
  let stop = async () => {};
  beforeAll(async () => {
    const at = await testDatabaseAt();
    a = at.db;
    b = at.url ? await openDatabase({ databaseUrl: at.url }) : a;
    built = await testApp(a);
    admin = await tokenFor(built, 'qiannan.admin');
    caseworker = await tokenFor(built, 'guanghui.caseworker');
    stop = startRollupRefresher(a, { intervalSeconds: 3600, log: () => {} });
    await refreshRollup(a);
  });
  afterAll(async () => {
    await stop();
    await built.app.close();
    if (b !== a) await b.close();
    await a.close();
  });

  const households = async (query: string) => {
    const res = await built.app.inject({ method: 'GET', url: `/api/v1/stats/figures?${query}`, headers: bearer(admin) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as FiguresResult).total.registryHouseholds ?? 0;
  };
  const addHousehold = async (name: string) => {
    const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(caseworker), payload: householdInput('522701001001', [memberInput({ name })]) });
    expect(res.statusCode, res.body).toBe(201);
  };

  it('a refresh by another instance is counted by the next read; until then the kept figures are served', async () => {
    const county = await households('area=522701&year=2015');
    const prefecture = await households('year=2015');
    await addHousehold('罗四');
    expect(await households('area=522701&year=2015')).toBe(county);
    await refreshRollup(b);
    expect(await households('area=522701&year=2015')).toBe(county + 1);
    expect(await households('year=2015')).toBe(prefecture + 1);
  });

  it('each area is kept apart', async () => {
    const [duyun, fuquan] = [await households('area=522701&year=2015'), await households('area=522702&year=2015')];
    expect(duyun).toBeGreaterThan(fuquan);
    expect(await households('area=522701&year=2015')).toBe(duyun);
    expect(await households('area=522702&year=2015')).toBe(fuquan);
  });

  it.skipIf(ENGINE !== 'postgres')('a refresh state committed by another process is announced: the next reads have its as-of', async () => {
    const asOf = async () => {
      const res = await built.app.inject({ method: 'GET', url: '/api/v1/stats/figures?area=522701&year=2015', headers: bearer(admin) });
      return (res.json() as FiguresResult).rollup.asOf;
    };
    const kept = KNOWN_ROLLUP.maxAgeMs;
    KNOWN_ROLLUP.maxAgeMs = 60_000;
    try {
      const before = await asOf();
      expect(await asOf()).toBe(before);
      // As another process's refresh would finish: straight in SQL on the other connection, nothing said in this one.
      await sql`update stats_rollup_state set as_of = now() + interval '1 hour' where id = 1`.execute(b.kysely);
      let after = await asOf();
      for (let i = 0; i < 250 && after === before; i++) {
        await new Promise((r) => setTimeout(r, 20));
        after = await asOf();
      }
      expect(after > before).toBe(true);
    } finally {
      KNOWN_ROLLUP.maxAgeMs = kept;
      await sql`update stats_rollup_state set as_of = now() where id = 1`.execute(b.kysely);
    }
  });
});
