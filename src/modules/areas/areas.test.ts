import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope, userScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { readPrefecture } from './division.ts';
import * as service from './service.ts';

describe(`areas of 黔南州 (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  async function countBy(level: string, kind = 'standard') {
    const r = await db.kysely.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', level as 'county').where('kind', '=', kind as 'standard').where('prefecture_code', '=', '522700').executeTakeFirstOrThrow();
    return Number(r.n);
  }

  it('holds 12 counties, 109 townships, 1464 villages and the functional zone', async () => {
    expect(await countBy('county')).toBe(12);
    expect(await countBy('township')).toBe(109);
    expect(await countBy('village')).toBe(1464);
    expect(await countBy('county', 'functional_zone')).toBe(1);
    const zone = await service.getArea(db, systemScope(), '522790');
    expect(zone.area.name).toBe('都匀经济开发区');
    expect(zone.counts.township).toBe(2);
  });

  it('moves the zone townships under the zone with their statistical code kept', async () => {
    const row = await db.kysely.selectFrom('areas').selectAll().where('stat_code', '=', '522701004').executeTakeFirstOrThrow();
    expect(row.code).toBe('522790004');
    expect(row.name).toBe('小围寨街道');
    expect(row.parent_code).toBe('522790');
    const duyun = await service.getArea(db, systemScope(), '522701');
    expect(duyun.counts.township).toBe(8);
  });

  it('loading again changes nothing', async () => {
    const r = await service.loadPrefecture(db, systemScope(), '522700');
    expect(r).toMatchObject({ counties: 12, zones: 1, townships: 109, villages: 1464 });
    expect(await countBy('village')).toBe(1464);
  });

  it('a township user sees only its own subtree, in tree and search', async () => {
    const scope = userScope({ id: 1, username: 'gh', role: 'township_caseworker', areaCode: '522701001', department: null });
    const tree = await service.getTree(db, scope, undefined, 2);
    expect(tree.code).toBe('522701001');
    expect(tree.children.length).toBe(13);
    expect(tree.children.every((c) => c.code.startsWith('522701001'))).toBe(true);
    const found = await service.searchAreas(db, scope, '社区', 50);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((a) => a.code.startsWith('522701001'))).toBe(true);
    expect(found[0]?.pathNames.slice(0, 3)).toEqual(['黔南布依族苗族自治州', '都匀市', '广惠街道']);
    // Out of scope answers as not found, exactly as a code that does not exist.
    const outside = await service.getChildren(db, scope, '522701002').catch((e: unknown) => e);
    const missing = await service.getChildren(db, scope, '522701001999').catch((e: unknown) => e);
    expect(outside).toMatchObject({ status: 404 });
    expect(missing).toMatchObject({ status: 404 });
  });

  it('another prefecture loads by its code; a bad code is refused with the field named', async () => {
    const rows = await readPrefecture('520100', []);
    expect(rows.filter((r) => r.level === 'county').length).toBeGreaterThan(5);
    await expect(readPrefecture('52270', [])).rejects.toMatchObject({ code: 'invalid_field', details: { fields: [{ field: 'prefecture' }] } });
    await expect(readPrefecture('999900', [])).rejects.toMatchObject({ status: 404 });
  });
});
