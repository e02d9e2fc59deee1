// Hostile strings over HTTP (issue #15, item 5): control characters, bad percent-encoding and bad UTF-8 are
// a 400 naming the field and change nothing; numbers in the query are decimal only; text a spreadsheet
// would run as a formula is neutralised in the files users download.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../test/db.ts';
import { householdInput, memberInput } from '../test/households.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../test/http.ts';
import { textProblem } from './hostile-input.ts';

const FORMULA = '=HYPERLINK("http://x","y")';

async function cellsOf(file: Buffer, sheet = 1): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never);
  const out: unknown[] = [];
  wb.worksheets[sheet - 1]!.eachRow((r) => r.eachCell((c) => out.push(c.value)));
  return out;
}

describe(`hostile input (${ENGINE})`, () => {
  const t = useTestApp();
  let admin: string;
  let caseworker: string;
  beforeAll(async () => {
    admin = await tokenFor(t.built, 'qiannan.admin');
    caseworker = await tokenFor(t.built, 'guanghui.caseworker');
  });

  const get = (url: string, token = admin) => t.built.app.inject({ method: 'GET', url, headers: bearer(token) });
  const post = (url: string, payload: string | Buffer, token = caseworker) =>
    t.built.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'content-type': 'application/json' }, payload });
  const households = async () => Number((await sql<{ n: number }>`select count(*)::int as n from households`.execute(t.db.kysely)).rows[0]?.n);

  it('a NUL in the query is a 400 naming the field, not a 500', async () => {
    for (const url of ['/api/v1/households?name=%00', '/api/v1/households?name=%E7%BD%97%00']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'invalid_characters', details: { fields: [{ field: 'query.name', message: expect.stringContaining('U+0000') }] } });
    }
    const key = await get('/api/v1/households?na%00me=1');
    expect(errorOf(key)).toMatchObject({ code: 'invalid_characters', details: { fields: [{ field: 'query.na\\u0000me' }] } });
  });

  it('a NUL or invalid encoding in a path parameter is a 400 in the one error shape', async () => {
    const nul = await get('/api/v1/verification/households/%00/authorizations');
    expect(nul.statusCode).toBe(400);
    expect(errorOf(nul)).toMatchObject({ code: 'invalid_characters', details: { fields: [{ field: 'params.householdNo' }] } });
    for (const bad of ['%C0%AF', '%FF', '%', '%ED%A0%80']) {
      const res = await get(`/api/v1/households/${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(errorOf(res), bad).toMatchObject({ code: 'invalid_characters', details: { fields: [{ field: '(path)' }] } });
    }
    const long = await get(`/api/v1/households/${'1'.repeat(5000)}`);
    expect(long.statusCode).toBe(400);
    expect(errorOf(long)).toMatchObject({ code: 'invalid_field', details: { fields: [{ field: '(path)' }] } });
  });

  it('invalid percent-encoding or UTF-8 in the query is a 400 naming the field', async () => {
    for (const bad of ['%C0%AF', '%FF', '%', '%E7%BD', '%ED%A0%80']) {
      const res = await get(`/api/v1/households?name=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(errorOf(res), bad).toMatchObject({ code: 'invalid_characters', details: { fields: [{ field: 'query.name' }] } });
    }
  });

  it('tab, line feed and carriage return are ordinary text', async () => {
    expect((await get('/api/v1/households?name=%E7%BD%97%09')).statusCode).toBe(200);
    expect((await get('/api/v1/households?category=a%0D%0Ab')).statusCode).toBe(200);
  });

  it('a NUL, a control character or a lone surrogate in a JSON body is refused with its path, and nothing is created', async () => {
    const before = await households();
    const cases: [string, (s: string) => unknown, string][] = [
      ['a\u0000b', (s) => householdInput('522701001001', [memberInput()], { address: s }), 'body.household.address'],
      ['a\u0007b', (s) => householdInput('522701001001', [memberInput(), memberInput({ relation: 'spouse', name: s })]), 'body.members.1.name'],
      ['a\ud800b', (s) => householdInput('522701001001', [memberInput({ name: s })]), 'body.members.0.name'],
    ];
    for (const [bad, body, field] of cases) {
      const res = await post('/api/v1/households', JSON.stringify(body(bad)));
      expect(res.statusCode, field).toBe(400);
      expect(errorOf(res), field).toMatchObject({ code: 'invalid_characters', details: { fields: [{ field }] } });
    }
    const invalidUtf8 = await post('/api/v1/households', Buffer.from('{"household": {"address": "\xff\xfe"}}', 'latin1'));
    expect(invalidUtf8.statusCode).toBe(400);
    expect(errorOf(invalidUtf8)).toMatchObject({ code: 'invalid_characters', details: { fields: [{ field: '(body)' }] } });
    expect(await households()).toBe(before);
  });

  it('numbers in the query are decimal only', async () => {
    for (const bad of ['0x10', '1e3', 'Infinity', '%2012%20', '0b1', '', '1.5']) {
      const res = await get(`/api/v1/households?page=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(errorOf(res).details.fields, bad).toEqual([{ field: 'page', message: '应为十进制整数' }]);
    }
    expect((await get('/api/v1/households?pageSize=201')).json()).toMatchObject({ error: { details: { fields: [{ field: 'pageSize', message: '应不大于 200' }] } } });
    expect((await get('/api/v1/households?page=16')).json()).toMatchObject({ page: 16 });
  });

  it('neutralises a formula in the registry export and in an import error report', async () => {
    const created = await post('/api/v1/households', JSON.stringify(householdInput('522701001001', [memberInput({ name: '罗公式' })], { address: FORMULA })));
    expect(created.statusCode).toBe(201);
    const exported = await get('/api/v1/households/export.xlsx?name=%E7%BD%97%E5%85%AC%E5%BC%8F', caseworker);
    expect(exported.statusCode).toBe(200);
    const cells = await cellsOf(exported.rawPayload);
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).not.toContain(FORMULA);

    // A file with the template's columns and one bad row: refused, with an error report naming the file.
    const template = await get('/api/v1/registry/template.xlsx', caseworker);
    const headers = (await cellsOf(template.rawPayload)).filter((v): v is string => typeof v === 'string');
    const row = headers.map((h) => (h === '户序号' ? '1' : h === '姓名' ? '罗' : ''));
    const csv = Buffer.from(`\ufeff${headers.join(',')}\r\n${row.join(',')}\r\n`, 'utf8');
    const imported = await t.built.app.inject({ method: 'POST', url: `/api/v1/registry/imports?format=csv&fileName=${encodeURIComponent(`${FORMULA}.csv`)}`, headers: { ...bearer(caseworker), 'content-type': 'text/csv' }, payload: csv });
    expect(imported.statusCode).toBe(400);
    const report = await get(`/api/v1/registry/imports/${(imported.json() as { reportId: number }).reportId}/errors.xlsx`, caseworker);
    expect(report.statusCode).toBe(200);
    const summary = await cellsOf(report.rawPayload, 2);
    expect(summary).toContain(`'${FORMULA}.csv`);
    expect(summary).not.toContain(`${FORMULA}.csv`);
  });

  it('finds a problem in any text with a control character or a lone surrogate, and none in other text (property)', () => {
    const control = fc.constantFrom(...[...Array(32).keys()].filter((c) => c !== 9 && c !== 10 && c !== 13).map((c) => String.fromCharCode(c)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), control, fc.string({ unit: 'grapheme' }), (a, c, b) => textProblem(`${a}${c}${b}`) !== null), { seed: 15 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => textProblem(s) === null || /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)), { seed: 15 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0xd800, max: 0xdfff }), (s, u) => textProblem(`${s}${String.fromCharCode(u)}`) !== null), { seed: 15 });
  });
});
