import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';
import { COLUMNS, HEADERS } from './transfer/columns.ts';
import type { Cell } from './transfer/read-file.ts';

type Values = Record<string, Cell>;
const HEAD: Values = { 户籍性质: '城镇', 家庭住址: '广惠路8号', 联系电话: '13812345678', 开户银行: '贵州省农村信用社', 银行账号: '6224690012345678', 建档立卡: '否', 农业人口: '否' };

/** One household's rows: household columns on its first row, one row per member. */
function household(group: string, village: string, members: Values[], over: Values = {}): Values[] {
  return members.map((m, i) => ({ ...(i === 0 ? { ...HEAD, ...over, '村(社区)代码': village } : {}), 户序号: group, 劳动能力: '有劳动能力', ...m }));
}
let born = 0;
/** A fresh ID number per person: a new birth day each time. */
const freshId = () => idNumber(new Date(Date.UTC(1950, 0, 1) + born++ * 86_400_000).toISOString().slice(0, 10), 'male', '522701');
const person = (name: string, relation: string, extra: Values = {}): Values => ({ 姓名: name, 身份证号码: freshId(), 与户主关系: relation, ...extra });
const toCells = (v: Values) => COLUMNS.map((c) => v[c.header]);

async function xlsxOf(rows: Values[], headers: readonly string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('家庭成员');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvOf(rows: Values[]): Buffer {
  const esc = (v: Cell) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [HEADERS.join(','), ...rows.map((r) => toCells(r).map(esc).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function sheetRows(body: Buffer | string, sheet = 1): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((Buffer.isBuffer(body) ? body : Buffer.from(body, 'binary')) as never);
  const ws = wb.worksheets[sheet - 1]!;
  const out: Cell[][] = [];
  ws.eachRow((r) => out.push((r.values as Cell[]).slice(1)));
  return out;
}

interface ImportBody {
  imported: { households: number; members: number };
  rejected: { rows: number; households: number };
  errors: { row: number; column: string; message: string }[];
  reportId: number;
}

describe(`household import and export (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let caseworker: string;
  let wenfeng: string;
  let admin: string;

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    caseworker = await tokenFor(built, 'guanghui.caseworker');
    wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    admin = await tokenFor(built, 'qiannan.admin');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const upload = (file: Buffer, token: string, query = 'format=xlsx', type = 'application/octet-stream') =>
    built.app.inject({ method: 'POST', url: `/api/v1/registry/imports?${query}`, headers: { ...bearer(token), 'content-type': type }, payload: file });
  const get = (url: string, token: string) => built.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
  const counts = async () => {
    const n = async (t: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db.kysely)).rows[0]?.n);
    return { households: await n('households'), members: await n('members'), persons: await n('person_index'), incomes: await n('income_items'), assets: await n('assets'), history: await n('registry_history'), staged: await n('registry_stage_members') };
  };

  it('serves a template with the columns and a 填写说明 sheet', async () => {
    const res = await get('/registry/template.xlsx', caseworker);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['家庭成员', '填写说明']);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    const guide = (await sheetRows(res.rawPayload, 2)).map((r) => r.join(' ')).join('\n');
    expect(guide).toContain('户序号');
    for (const h of ['户序号', '村(社区)代码', '身份证号码', '工资性收入(元/月)', '房产价值(元)']) expect(guide).toContain(h);
  });

  it('round-trips the template: filled by code, imported, with history and one audit entry', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get('/registry/template.xlsx', caseworker)).rawPayload as never);
    const ws = wb.getWorksheet('家庭成员')!;
    const rows = [
      ...household('1', '522701001001', [person('罗模板', '户主', { '工资性收入(元/月)': 1234.5, '存款(元)': '3000' }), person('吴模板', '配偶', { 残疾类别: '肢体残疾', 残疾等级: '二级', 劳动能力: '无劳动能力' })], { '农业收入(元/年)': 2400, '房产价值(元)': 50000, 家庭类别: '单亲家庭' }),
      ...household('2', '522701001002', [person('杨模板', '户主', { 人员类别: '老年人、三无人员', 成员户籍: '农村' })]),
    ];
    for (const r of rows) ws.addRow(toCells(r));
    const before = await counts();
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), caseworker, 'format=xlsx&fileName=模板.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ImportBody;
    expect(body).toMatchObject({ imported: { households: 2, members: 3 }, rejected: { rows: 0, households: 0 }, errors: [] });
    const after = await counts();
    expect(after.households - before.households).toBe(2);
    expect(after.persons - before.persons).toBe(3);
    expect(after.incomes - before.incomes).toBe(2);
    expect(after.assets - before.assets).toBe(2);
    expect(after.history - before.history).toBe(2);
    expect(after.staged).toBe(0);

    const found = (await get(`/households?name=${encodeURIComponent('罗模板')}`, caseworker)).json() as { items: { householdNo: string }[] };
    const no = found.items[0]!.householdNo;
    const detail = (await get(`/households/${no}?unmask=true`, caseworker)).json() as { household: { categories: string[] }; members: { name: string; disabilityGrade: number | null }[]; incomes: { kind: string; amountFen: number; period: string; memberIdNumber: string | null }[]; assets: { kind: string; valueFen: number }[] };
    expect(detail.household.categories).toEqual(['single_parent']);
    expect(detail.members.map((m) => [m.name, m.disabilityGrade])).toEqual([['罗模板', null], ['吴模板', 2]]);
    expect(detail.incomes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'wage', amountFen: 123450, period: 'month' }),
      expect.objectContaining({ kind: 'agriculture', amountFen: 240000, period: 'year', memberIdNumber: null }),
    ]));
    expect(detail.assets).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'house', valueFen: 5_000_000 }), expect.objectContaining({ kind: 'deposit', valueFen: 300_000 })]));
    const timeline = (await get(`/households/${no}/timeline`, caseworker)).json() as { items: { action: string }[] };
    expect(timeline.items.map((i) => i.action)).toEqual(['household.import']);
    const audit = (await get(`/audit?entity=registry_import&entityId=${body.reportId}`, admin)).json() as { items: { action: string }[] };
    expect(audit.items.map((i) => i.action)).toEqual(['registry.import']);
  });

  // 5 households, 11 rows (rows 2–12); exactly three rows are wrong.
  const fiveHouseholds = () => [
    ...household('A', '522701001001', [person('韦一', '户主'), person('韦二', '配偶')]),
    ...household('B', '522701001001', [person('蒙一', '户主'), person('蒙二', '子女'), person('蒙三', '子女')]),
    ...household('C', '522701001002', [person('潘一', '户主'), person('潘二', '父母')]),
    ...household('D', '522701001002', [person('陆一', '户主')]),
    ...household('E', '522701001003', [person('石一', '户主'), person('石二', '配偶'), person('石三', '子女')]),
  ];
  const withThreeErrors = () => {
    const rows = fiveHouseholds();
    const id = rows[1]!['身份证号码'] as string;
    rows[1]!['身份证号码'] = id.slice(0, 17) + (id[17] === '1' ? '2' : '1'); // row 3: check digit
    rows[4]!['劳动能力'] = '很强'; // row 6: not a label
    rows[6]!['与户主关系'] = '户主'; // row 8: a second head in C
    return rows;
  };

  it('imports nothing from a file with exactly three bad rows and reports exactly those rows', async () => {
    const before = await counts();
    const res = await upload(await xlsxOf(withThreeErrors()), caseworker);
    expect(res.statusCode).toBe(400);
    const body = res.json() as ImportBody & { error: { code: string } };
    expect(body.error.code).toBe('import_rejected');
    expect(body.imported).toEqual({ households: 0, members: 0 });
    expect(body.errors).toEqual([
      { row: 3, column: '身份证号码', message: expect.stringContaining('校验码错误') },
      { row: 6, column: '劳动能力', message: expect.stringContaining('“很强”无效') },
      { row: 8, column: '与户主关系', message: expect.stringContaining('本户已有户主（第7行）') },
    ]);
    expect(await counts()).toEqual(before);

    const report = await get(`/registry/imports/${body.reportId}/errors.xlsx`, caseworker);
    expect(report.statusCode).toBe(200);
    const lines = await sheetRows(report.rawPayload);
    expect(lines[0]).toEqual(['行号', '列名', '错误原因']);
    expect(lines.slice(1).map((l) => [l[0], l[1]])).toEqual([[3, '身份证号码'], [6, '劳动能力'], [8, '与户主关系']]);
    expect((await get(`/registry/imports/${body.reportId}/errors.xlsx`, wenfeng)).statusCode).toBe(404);
  });

  it('with partial=true imports the households whose rows are all valid', async () => {
    const before = await counts();
    const res = await upload(await xlsxOf(withThreeErrors()), caseworker, 'format=xlsx&partial=true');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ImportBody;
    expect(body.imported).toEqual({ households: 2, members: 4 });
    expect(body.rejected).toEqual({ households: 3, rows: 7 });
    expect(body.errors.map((e) => e.row)).toEqual([3, 6, 8]);
    const after = await counts();
    expect(after.households - before.households).toBe(2);
    expect(after.members - before.members).toBe(4);
  });

  it('reports an ID number already registered in another county', async () => {
    const fuquanId = idNumber('1966-06-06', 'female', '522702');
    await built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: { username: 'fuquan.importer', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    const fuquan = await tokenFor(built, 'fuquan.importer', STRONG_PASSWORD);
    const res0 = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(fuquan), payload: householdInput('522702001001', [memberInput({ idNumber: fuquanId, name: '福泉人' })]) });
    expect(res0.statusCode, res0.body).toBe(201);
    const before = await counts();
    const rows = household('1', '522701001001', [person('都匀人', '户主'), person('福泉人', '配偶', { 身份证号码: fuquanId })]);
    const res = await upload(await xlsxOf(rows), caseworker);
    expect(res.statusCode).toBe(400);
    expect((res.json() as ImportBody).errors).toEqual([{ row: 3, column: '身份证号码', message: '身份证号码已在其他县（市、区）登记，一人只能属于一个家庭；请先办理迁出' }]);
    expect(res.body).not.toMatch(/福泉|522702\d{8}/);
    expect(await counts()).toEqual(before);
  });

  it('imports CSV too (UTF-8 with BOM, and GBK as Excel saves it)', async () => {
    const rows = household('1', '522701001003', [person('欧阳逗号', '户主', { 家庭住址: '广惠路"新村",3号' }), person('欧阳二', '子女', { 在校学生: '是', 劳动能力: '无劳动能力' })]);
    const res = await upload(csvOf(rows), caseworker, 'format=csv', 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ImportBody).imported).toEqual({ households: 1, members: 2 });
    const found = (await get(`/households?name=${encodeURIComponent('欧阳逗号')}`, caseworker)).json() as { items: { householdNo: string }[] };
    const detail = (await get(`/households/${found.items[0]!.householdNo}`, caseworker)).json() as { household: { address: string } };
    expect(detail.household.address).toBe('广惠路"新村",3号');

    const gbkRows = household('1', '522701001003', [person('简体字', '户主')]);
    const text = csvOf(gbkRows).toString('utf8').slice(1);
    const gbk = encodeGb18030(text);
    if (gbk) {
      const r2 = await upload(gbk, caseworker, 'format=csv', 'text/csv');
      expect(r2.statusCode, r2.body).toBe(200);
    }
  });

  it('refuses a file that is not an xlsx, or has wrong headers, naming the problem and changing nothing', async () => {
    const before = await counts();
    const junk = await upload(Buffer.from('this is not a spreadsheet'), caseworker);
    expect(junk.statusCode).toBe(400);
    expect(errorOf(junk)).toMatchObject({ code: 'invalid_file', message: expect.stringContaining('不是有效的 Excel') });
    const headers = HEADERS.filter((h) => h !== '姓名').concat('性别');
    const wrong = await upload(await xlsxOf(fiveHouseholds(), headers), caseworker);
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).message).toContain('缺少必填列：姓名');
    expect(errorOf(wrong).message).toContain('无法识别的列：性别');
    const empty = await upload(await xlsxOf([]), caseworker);
    expect(errorOf(empty).message).toContain('没有数据行');
    const noBody = await built.app.inject({ method: 'POST', url: '/api/v1/registry/imports', headers: bearer(caseworker) });
    expect(noBody.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses villages outside the caller\'s area, and the auditor and partner cannot import', async () => {
    const before = await counts();
    const res = await upload(await xlsxOf(household('1', '522701002001', [person('越界', '户主')])), caseworker);
    expect(res.statusCode).toBe(400);
    expect((res.json() as ImportBody).errors).toEqual([{ row: 2, column: '村(社区)代码', message: expect.stringContaining('不在您的管辖范围内') }]);
    const nowhere = await upload(await xlsxOf(household('1', '522701001999', [person('无村', '户主')])), caseworker);
    expect((nowhere.json() as ImportBody).errors[0]?.message).toContain('不存在');
    const auditor = await tokenFor(built, 'qiannan.auditor');
    expect((await upload(await xlsxOf(fiveHouseholds()), auditor)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('exports a search to a real .xlsx whose rows match, masked unless unmasked (audited)', async () => {
    const search = (await get('/households?area=522701001&pageSize=200', caseworker)).json() as { total: number; items: { householdNo: string; size: number }[] };
    expect(search.total).toBeGreaterThan(3);
    const res = await get('/households/export.xlsx?area=522701001', caseworker);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    const data = rows.slice(1);
    const col = (h: string) => HEADERS.indexOf(h);
    const perHousehold = new Map<string, number>();
    for (const r of data) perHousehold.set(String(r[col('户序号')]), (perHousehold.get(String(r[col('户序号')])) ?? 0) + 1);
    expect([...perHousehold].sort()).toEqual(search.items.map((i) => [i.householdNo, i.size]).sort());
    expect(data.every((r) => /^\d{6}\*{8}[\dX]{4}$/.test(String(r[col('身份证号码')])))).toBe(true);

    const open = await get('/households/export.xlsx?area=522701001&name=%E7%BD%97%E6%A8%A1%E6%9D%BF&unmask=true', caseworker);
    const openRows = (await sheetRows(open.rawPayload)).slice(1);
    expect(openRows.length).toBe(2);
    expect(String(openRows[0]![col('身份证号码')])).toMatch(/^\d{17}[\dX]$/);
    expect(openRows[0]![col('工资性收入(元/月)')]).toBe(1234.5);
    const audit = (await get('/audit?entity=household&limit=20', admin)).json() as { items: { action: string }[] };
    expect(audit.items.map((i) => i.action)).toContain('registry.export.unmask');

    // Another township's area is refused before anything is read or audited.
    const foreign = await get('/households/export.xlsx?area=522701001', wenfeng);
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details.fields?.[0]?.field).toBe('area');
    const auditor = await tokenFor(built, 'qiannan.auditor');
    expect((await get('/households/export.xlsx', auditor)).statusCode).toBe(403);
  });
});

/** GB18030 bytes of a string, via Node's TextDecoder table (no encoder for GB18030 in Node). */
function encodeGb18030(text: string): Buffer | null {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const b = table.get(ch);
      if (!b) return null;
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}
