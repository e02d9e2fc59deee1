import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { loadConfig } from '../../kernel/config.ts';
import { buildApp, type BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { bearer, tokenFor } from '../../test/http.ts';
import { insertHousehold } from './testing.ts';

/** The household search counts its total only up to the configured cap, and says so. */
describe(`household search total, capped (${ENGINE})`, () => {
  let db: Database;
  const apps: BuiltApp[] = [];
  let exact = 0;

  const appWithCap = async (cap: number) => {
    const built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SEARCH_COUNT_CAP: String(cap) }), demo: true } }, { logger: false });
    apps.push(built);
    return { built, token: await tokenFor(built, 'qiannan.admin') };
  };
  const searchAll = async (cap: number, how: 'GET' | 'POST') => {
    const { built, token } = await appWithCap(cap);
    const res = how === 'GET'
      ? await built.app.inject({ method: 'GET', url: '/api/v1/households?pageSize=5', headers: bearer(token) })
      : await built.app.inject({ method: 'POST', url: '/api/v1/households/search', headers: bearer(token), payload: { pageSize: 5 } });
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; totalCapped: boolean; items: unknown[] };
  };

  beforeAll(async () => {
    db = await testDatabase();
    for (let i = 1; i <= 12; i++) {
      await insertHousehold(db.kysely, {
        householdNo: `5227010${String(9_000_000 + i)}`, countyCode: '522701', villageCode: '522701001001', hukou: 'urban', address: `广惠路${i}号`,
        phone: '13800000000', bankName: '', bankAccount: '', povertyFile: false, agricultural: false, categories: [],
      });
    }
    const r = await db.kysely.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    exact = Number(r.n);
  });
  afterAll(async () => {
    for (const a of apps) await a.app.close();
    await db.close();
  });

  it('has households enough to cap', () => expect(exact).toBeGreaterThanOrEqual(12));

  const cases: [string, () => number, () => { total: number; totalCapped: boolean }][] = [
    ['a cap below the matches: the cap, marked capped', () => 3, () => ({ total: 3, totalCapped: true })],
    ['a cap exactly at the matches: exact, not capped', () => exact, () => ({ total: exact, totalCapped: false })],
    ['the default cap (10,000): exact', () => 10_000, () => ({ total: exact, totalCapped: false })],
  ];
  it.each(cases)('%s', async (_, cap, expected) => {
    for (const how of ['GET', 'POST'] as const) {
      const page = await searchAll(cap(), how);
      expect({ total: page.total, totalCapped: page.totalCapped, n: page.items.length }).toEqual({ ...expected(), n: 5 });
    }
  });

  it.each([['0'], ['abc'], ['1000000']])('refuses JIUZHU_SEARCH_COUNT_CAP=%s naming the variable', (raw) => {
    expect(() => loadConfig({ JIUZHU_SEARCH_COUNT_CAP: raw })).toThrow(/JIUZHU_SEARCH_COUNT_CAP 应为 1–999999 的整数/);
  });
});
