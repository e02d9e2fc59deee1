import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { bearer, testApp, tokenFor } from '../../test/http.ts';
import { loadDemoHouseholds } from './index.ts';
import { HEADERS } from './transfer/columns.ts';

/** Household number → number of member rows in the exported workbook. */
async function rowsPerHousehold(body: Buffer): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0]!;
  const no = HEADERS.indexOf('户序号') + 1;
  const id = HEADERS.indexOf('身份证号码') + 1;
  const out = new Map<string, number>();
  ws.eachRow((r, i) => {
    if (i === 1) return;
    expect(String(r.getCell(id).value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const key = String(r.getCell(no).value);
    out.set(key, (out.get(key) ?? 0) + 1);
  });
  return out;
}

/** Regression: on PGlite an export page of more than 275 households answered 500. */
describe(`household export of a whole county or the prefecture (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    await loadDemoHouseholds(db, systemScope('test'), { households: 4_000, seed: 'export' });
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const expected = async (prefix: string) => {
    const { rows } = await sql<{ household_no: string; n: string }>`
      select h.household_no, count(m.id) as n from households h join members m on m.county_code = h.county_code and m.household_id = h.id
      where h.village_code like ${`${prefix}%`} group by h.household_no`.execute(db.kysely);
    return new Map(rows.map((r) => [r.household_no, Number(r.n)]));
  };

  it.each([
    ['duyun.approver', '522701', 300],
    ['qiannan.admin', '5227', 2_000],
  ])('%s exports every household of %s, one row per member, masked', async (user, prefix, atLeast) => {
    const res = await built.app.inject({ method: 'GET', url: '/api/v1/households/export.xlsx', headers: bearer(await tokenFor(built, user)) });
    expect(res.statusCode).toBe(200);
    const want = await expected(prefix);
    expect(want.size).toBeGreaterThan(atLeast);
    expect(await rowsPerHousehold(res.rawPayload)).toEqual(want);
  });
});
