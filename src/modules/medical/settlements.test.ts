// 一站式结算导入 over HTTP on a real database: a clean file (CSV and .xlsx) lands in the ledger with its
// group, year and amounts in fen; a file with any bad row is refused whole, every error named by its row,
// and nothing is written; partners see only their department's imports; the template reads back.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '../../kernel/files/csv.ts';
import { readTableFile } from '../../kernel/files/table.ts';
import { systemScope } from '../../kernel/scope.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { createUser } from '../users/index.ts';
import { addCase, addDecision } from '../payroll/testing.ts';
import type { SettlementFigures, SettlementImport, SettlementImportDetail, SettlementImportItem } from './contract/settlements.ts';
import { SETTLEMENT_COLUMNS } from './service/settlement-columns.ts';

const ctx = useTestApp();
const HEADERS = SETTLEMENT_COLUMNS.map((c) => c.header);
const people = { dibao: { id: idNumber('1960-02-02'), name: '韦低保' }, hardship: { id: idNumber('1940-04-04'), name: '蒙特困' }, edge: { id: idNumber('1970-07-07', 'female'), name: '罗边缘' } };
const tokens: Record<string, string> = {};

type Row = (string | number)[];
/** A row of the template's columns: settlement number, person, group label, hospital, kind, critical, dates, amounts (yuan). */
const row = (no: string, p: { id: string; name: string }, group: string, kind: string, admitted: string, discharged: string, amounts: (string | number)[], critical = '否', hospital = '都匀市人民医院'): Row =>
  [no, p.name, p.id, group, hospital, kind, critical, admitted, discharged, discharged || admitted, ...amounts];
const csv = (rows: Row[]) => Buffer.from([HEADERS, ...rows].map((r) => csvLine(r)).join('\r\n'), 'utf8');
async function xlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结算');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (user: string, body: Buffer, format: 'csv' | 'xlsx', county = '522701') =>
  ctx.built.app.inject({ method: 'POST', url: `/api/v1/medical/settlements?countyCode=${county}&format=${format}&fileName=test.${format}`, headers: { ...bearer(tokens[user]!), 'content-type': 'application/octet-stream' }, payload: body });
const get = (user: string, url: string) => ctx.built.app.inject({ method: 'GET', url, headers: bearer(tokens[user]!) });
const counts = async () => {
  // s: rows left in the import's staging table (always cleared).
  const { rows } = await sql<{ e: number; i: number; s: number }>`select (select count(*)::int from medical_episodes) as e, (select count(*)::int from medical_settlement_imports) as i,
    (select count(*)::int from medical_stage_episodes) as s`.execute(ctx.db.kysely);
  return rows[0]!;
};

beforeAll(async () => {
  await createUser(ctx.db, systemScope('test'), { username: 'fuquan.approver', displayName: '福泉市审批员', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
  for (const u of ['duyun.medical', 'duyun.approver', 'guanghui.caseworker']) tokens[u] = await tokenFor(ctx.built, u);
  tokens['fuquan.approver'] = await tokenFor(ctx.built, 'fuquan.approver', STRONG_PASSWORD);
  for (const p of Object.values(people)) {
    const res = await ctx.built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(tokens['guanghui.caseworker']!), payload: householdInput('522701001001', [memberInput({ idNumber: p.id, name: p.name })]) });
    expect(res.statusCode, res.body).toBe(201);
  }
  const householdOf = async (id: string) => (await sql<{ household_id: number }>`select household_id from person_index where id_number = ${id}`.execute(ctx.db.kysely)).rows[0]!.household_id;
  const dibao = await addCase(ctx.db, { county: '522701', householdId: await householdOf(people.dibao.id), programme: 'dibao' });
  await addDecision(ctx.db, { county: '522701', caseId: dibao.caseId }, { kind: 'approve', effectiveMonth: '2015-01', amountFen: 30000 });
  const hardship = await addCase(ctx.db, { county: '522701', householdId: await householdOf(people.hardship.id), programme: 'hardship' });
  await addDecision(ctx.db, { county: '522701', caseId: hardship.caseId }, { kind: 'approve', effectiveMonth: '2015-01', amountFen: 50000 });
});

describe('一站式结算导入', () => {
  let first: SettlementImport;

  it('imports a clean CSV: the ledger has its episodes, paid, with group, year and amounts in fen', async () => {
    const res = await upload('duyun.medical', csv([
      row('S001', people.dibao, '低保对象', '住院', '2015-12-28', '2016-01-05', [12345.67, 8000, 1000.01, 3000.5, 2100.35, 0]),
      row('S002', people.hardship, '特困人员', '门诊', '2015-10-08', '', [350.5, 200, '', 150.5, 150.5, '']),
      row('S003', people.edge, '低保边缘家庭成员', '住院', '2015-11-01', '2015-11-20', ['20,000.00', 12000, 3000, 4000, 2000, 800.8], '是'),
    ]), 'csv');
    expect(res.statusCode, res.body).toBe(201);
    first = res.json() as SettlementImport;
    expect(first).toMatchObject({ countyCode: '522701', rows: 3, amountFen: 210035 + 15050 + 200000 + 80080, department: 'medical_security', importedBy: 'duyun.medical' });
    expect(first.importNo).toMatch(/^JS522701\d{10}$/);
    expect((await counts()).s).toBe(0);
    const { rows } = await sql<{ id_number: string; group: string; year: number; kind: string; critical: boolean; discharged_on: string; total_cost_fen: number; critical_insurance_fen: number; assistance_fen: number; tilt_fen: number; area_code: string; status: string; source: string; settled_on: string; row_no: number }>`
      select id_number, "group", year, kind, critical, discharged_on, total_cost_fen, critical_insurance_fen, assistance_fen, tilt_fen, area_code, status, source, settled_on, row_no
      from medical_episodes order by row_no`.execute(ctx.db.kysely);
    expect(rows.map((r) => ({ ...r, total_cost_fen: Number(r.total_cost_fen), critical_insurance_fen: Number(r.critical_insurance_fen), assistance_fen: Number(r.assistance_fen), tilt_fen: Number(r.tilt_fen) }))).toEqual([
      { id_number: people.dibao.id, group: 'dibao', year: 2016, kind: 'inpatient', critical: false, discharged_on: '2016-01-05', total_cost_fen: 1234567, critical_insurance_fen: 100001, assistance_fen: 210035, tilt_fen: 0, area_code: '522701001001', status: 'paid', source: 'settlement', settled_on: '2016-01-05', row_no: 2 },
      { id_number: people.hardship.id, group: 'hardship', year: 2015, kind: 'outpatient', critical: false, discharged_on: '2015-10-08', total_cost_fen: 35050, critical_insurance_fen: 0, assistance_fen: 15050, tilt_fen: 0, area_code: '522701001001', status: 'paid', source: 'settlement', settled_on: '2015-10-08', row_no: 3 },
      { id_number: people.edge.id, group: 'near_dibao', year: 2015, kind: 'inpatient', critical: true, discharged_on: '2015-11-20', total_cost_fen: 2000000, critical_insurance_fen: 300000, assistance_fen: 200000, tilt_fen: 80080, area_code: '522701001001', status: 'paid', source: 'settlement', settled_on: '2015-11-20', row_no: 4 },
    ]);
  });

  it('imports a clean .xlsx (county approver: no department)', async () => {
    const res = await upload('duyun.approver', await xlsx([row('X001', people.edge, '低保边缘家庭成员', '门诊', '2015-12-01', '2015-12-01', [100, 60, 0, 40, 20.2, 0])]), 'xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 1, amountFen: 2020, department: null });
  });

  it('refuses a file with any bad row, naming every row, and writes nothing', async () => {
    const before = await counts();
    const stranger = { id: idNumber('1980-01-01'), name: '外县人' };
    const res = await upload('duyun.medical', csv([
      row('B001', stranger, '低保边缘家庭成员', '门诊', '2015-10-01', '', [100, 50, 0, 50, 10, 0]),
      row('B002', people.edge, '低保边缘家庭成员', '住院', '2015-09-01', '2015-09-03', [100, 50, 0, 50, 10, 0]),
      row('B003', people.edge, '低保边缘家庭成员', '住院', '2015-09-01', '2015-09-04', [100, 50, 0, 50, 10, 0]),
      row('B004', people.hardship, '特困人员', '门诊', '2015-10-08', '', [350.5, 200, 0, 150.5, 150.5, 0]),
      row('B005', people.edge, '低保边缘家庭成员', '门诊', '2015-08-01', '', [100, 50, 0, 50, -10, 0]),
      row('B006', people.dibao, '特困人员', '门诊', '2015-08-02', '', [100, 50, 0, 50, 60, 0]),
      row('S003', people.edge, '低保边缘家庭成员', '门诊', '2015-08-03', '', [100, 80, 30, 50, 10, 0]),
    ]), 'csv');
    expect(res.statusCode, res.body).toBe(400);
    const e = errorOf(res);
    expect(e.code).toBe('settlement_rejected');
    const lines = e.details['lines'] as string[];
    expect(lines).toEqual(expect.arrayContaining([
      '第2行：公民身份号码未在本县登记',
      expect.stringMatching(/^第3行：与第4行为同一次就医/),
      expect.stringMatching(/^第4行：与第3行为同一次就医/),
      expect.stringMatching(/^第5行：该次就医已一站式结算（结算单号 S002）/),
      '第6行：医疗救助支付金额不能为负数（-10）',
      '第7行：医疗救助支付 60.00 元大于政策范围内个人自付 50.00 元',
      expect.stringMatching(/^第7行：结算日期所在月（2015-08）不是特困人员（为低保对象）/),
      '第8行：结算单号 S003 已导入，不能重复导入',
      expect.stringMatching(/^第8行：基本医保支付与大病保险支付之和 110.00 元大于医疗总费用 100.00 元/),
    ]));
    expect(e.details['errorCount']).toBe(lines.length);
    expect(await counts()).toEqual(before);

    const report = await ctx.built.app.inject({ method: 'POST', url: '/api/v1/medical/settlements/errors.xlsx?countyCode=522701&format=csv', headers: { ...bearer(tokens['duyun.medical']!), 'content-type': 'text/csv' }, payload: csv([row('B001', stranger, '低保边缘家庭成员', '门诊', '2015-10-01', '', [100, 50, 0, 50, 10, 0])]) });
    expect(report.statusCode).toBe(200);
    const sheet = await readTableFile(report.rawPayload, 'xlsx');
    expect(sheet[1]!.cells).toEqual([2, '公民身份号码', '公民身份号码未在本县登记']);
    expect(await counts()).toEqual(before);
  });

  it('refuses wrong headers and an empty file, naming the column or the file', async () => {
    const bad = await upload('duyun.medical', Buffer.from('结算单号,姓名\r\nS9,张三\r\n'), 'csv');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain('缺少必填列：公民身份号码');
    const empty = await upload('duyun.medical', Buffer.from(`${HEADERS.join(',')}\r\n`), 'csv');
    expect(errorOf(empty).message).toContain('没有数据行');
  });

  it('shows a partner its own imports only; another county answers 404', async () => {
    const mine = (await get('duyun.medical', '/api/v1/medical/settlements')).json() as { items: SettlementImportItem[] };
    expect(mine.items.map((i) => i.importNo)).toEqual([first.importNo]);
    const all = (await get('duyun.approver', '/api/v1/medical/settlements?county=522701')).json() as { items: SettlementImportItem[] };
    expect(all.items).toHaveLength(2);
    expect(all.items[1]).toMatchObject({ countyName: '都匀市', importedByName: '都匀市医保局' });
    const detail = await get('duyun.approver', `/api/v1/medical/settlements/${first.importNo}?limit=2`);
    const d = detail.json() as SettlementImportDetail;
    expect(d.episodes.items).toHaveLength(2);
    expect(d.episodes.items[0]!.idNumber).toBe(`${people.dibao.id.slice(0, 6)}********${people.dibao.id.slice(14)}`);
    expect(d.episodes.items[0]).toMatchObject({ groupLabel: '低保对象', kindLabel: '住院', assistanceFen: 210035 });
    expect(d.episodes.next).not.toBeNull();
    expect((await get('fuquan.approver', `/api/v1/medical/settlements/${first.importNo}`)).statusCode).toBe(404);
    expect((await get('fuquan.approver', '/api/v1/medical/settlements')).json()).toEqual({ items: [], next: null });
    expect((await upload('fuquan.approver', csv([]), 'csv', '522701')).statusCode).toBe(404);
  });

  it('counts settled episodes per township, by kind', async () => {
    const res = await get('duyun.approver', '/api/v1/medical/settlement-figures?area=522701&year=2015');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as SettlementFigures;
    const guanghui = f.units.find((u) => u.code === '522701001')!;
    expect(guanghui.name).toBe('广惠街道');
    expect(guanghui.outpatient).toEqual({ episodes: 2, assistanceFen: 15050 + 2020, tiltFen: 0, amountFen: 17070 });
    expect(guanghui.inpatient).toEqual({ episodes: 1, assistanceFen: 200000, tiltFen: 80080, amountFen: 280080 });
    expect(guanghui.critical.episodes).toBe(1);
    expect(f.total.total.episodes).toBe(3);
  });

  it('serves a template whose headers read back as the columns', async () => {
    const res = await get('duyun.medical', '/api/v1/medical/settlements/template.xlsx');
    expect(res.statusCode).toBe(200);
    const rows = await readTableFile(res.rawPayload, 'xlsx');
    expect(rows[0]!.cells).toEqual(HEADERS);
    expect(rows).toHaveLength(3);
  });
});
