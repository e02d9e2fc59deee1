import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialCounters } from '../test/serials.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import type { Database } from '../db/engine.ts';
import { nextSerialNo } from './serials.ts';

describe(`document numbers per county and year (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  const { next, setCounter } = serialCounters(() => db);

  it('counts each prefix, county and year from 000001 on its own', async () => {
    expect(await next('SL', '522722', '2016')).toBe('SL5227222016000001');
    expect(await next('SL', '522722', '2016')).toBe('SL5227222016000002');
    expect(await next('SL', '522723', '2016')).toBe('SL5227232016000001');
    expect(await next('SL', '522722', '2017')).toBe('SL5227222017000001');
    expect(await next('JB', '522722', '2016')).toBe('JB5227222016000001');
  });

  it('gives concurrent transactions distinct numbers without gaps, and a rolled-back one gives its number back', async () => {
    const got = await Promise.all(Array.from({ length: 12 }, () => next('PC', '522725', '2016')));
    expect(new Set(got).size).toBe(12);
    expect(got.map((n) => Number(n.slice(12))).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    await expect(db.kysely.transaction().execute(async (tx) => {
      await nextSerialNo(tx, 'PC', '522725', '2016');
      throw new Error('caseworker cancelled');
    })).rejects.toThrow('caseworker cancelled');
    expect(await next('PC', '522725', '2016')).toBe('PC5227252016000013');
  });

  it('keeps numbering after a million numbers elsewhere (the old global sequence repeated here)', async () => {
    await setCounter('DB', '522702', '2015', 999_999);
    await setCounter('DB', '522701', '2014', 999_999);
    expect(await next('DB', '522701', '2015')).toBe('DB5227012015000001');
  });

  it('refuses the millionth number of one county and year with a clear error, changing nothing', async () => {
    await setCounter('TK', '522726', '2016', 999_998);
    expect(await next('TK', '522726', '2016')).toBe('TK5227262016999999');
    await expect(next('TK', '522726', '2016')).rejects.toThrow(/TK 522726 2016 年的编号已用尽/);
    const { rows } = await sql<{ last_no: string }>`select last_no from serial_counters where prefix = 'TK' and county_code = '522726' and year = '2016'`.execute(db.kysely);
    expect(Number(rows[0]!.last_no)).toBe(999_999);
  });

});
