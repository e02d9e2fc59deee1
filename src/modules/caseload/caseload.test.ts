// 存量对象导入 over HTTP on a real database: a dry run lists the amount warnings and writes nothing; a file
// with bad rows is refused whole, each error named by row and column; a clean file becomes approved cases
// with one `migration` decision and one entitlement each (集中供养 paid to the institution), audited;
// importing it again is refused; the next payroll pays each imported recipient exactly its amount.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '../../kernel/files/csv.ts';
import { systemScope } from '../../kernel/scope.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { runPayroll } from '../payroll/index.ts';
import { createHousehold, newHouseholdSchema } from '../registry/index.ts';
import { CASELOAD_COLUMNS } from './columns.ts';
import type { CaseloadRejection, CaseloadResult } from './contract.ts';

const ctx = useTestApp();
const HEADERS = CASELOAD_COLUMNS.map((c) => c.header);
const tokens: Record<string, string> = {};
const h: Record<'a' | 'b' | 'c' | 'other', { no: string; head: string; second?: string }> = {} as never;
const FIRST_MONTH = '2015-12';

type Row = (string | number)[];
/** 户编号, 救助项目, 类别, 供养机构, 对象身份证号码, 保障成员身份证号码, 批准日期, 月保障金额, 最近复核日期 */
const csv = (rows: Row[]) => Buffer.from([HEADERS, ...rows].map((r) => csvLine(r)).join('\r\n'), 'utf8');
const upload = (user: string, body: Buffer, query = '') =>
  ctx.built.app.inject({
    method: 'POST', url: `/api/v1/cases/import/caseload?format=csv&fileName=old.csv&firstMonth=${FIRST_MONTH}${query}`,
    headers: { ...bearer(tokens[user]!), 'content-type': 'application/octet-stream' }, payload: body,
  });
const counts = async () => (await sql<{ c: number; d: number; e: number; s: number }>`select (select count(*)::int from cases) as c,
  (select count(*)::int from case_decisions) as d, (select count(*)::int from entitlements) as e, (select count(*)::int from caseload_stage) as s`.execute(ctx.db.kysely)).rows[0]!;
/** Triggers of the written tables left off (PGlite turns the foreign keys' off inside the import's transaction). */
const triggersOff = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_trigger
  where tgrelid in ('cases'::regclass, 'case_transitions'::regclass, 'case_decisions'::regclass, 'entitlements'::regclass) and tgenabled <> 'O'`.execute(ctx.db.kysely)).rows[0]!.n;

async function household(token: string, village: string, members: Record<string, unknown>[]) {
  const res = await ctx.built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(token), payload: householdInput(village, members) });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { householdNo: string }).householdNo;
}

let goodRows: Row[] = [];

beforeAll(async () => {
  for (const u of ['duyun.approver', 'guanghui.caseworker']) tokens[u] = await tokenFor(ctx.built, u);
  const heads = { a: idNumber('1975-04-02'), b: idNumber('1980-01-01'), c: idNumber('1945-06-06'), other: idNumber('1970-01-01', 'male', '522702') };
  const spouse = idNumber('1977-08-09', 'female');
  h.a = { no: await household(tokens['guanghui.caseworker']!, '522701001001', [memberInput({ idNumber: heads.a, name: '罗大成' }), memberInput({ idNumber: spouse, name: '吴小梅', relation: 'spouse' })]), head: heads.a, second: spouse };
  h.b = { no: await household(tokens['guanghui.caseworker']!, '522701001001', [memberInput({ idNumber: heads.b, name: '王一' })]), head: heads.b };
  h.c = { no: await household(tokens['guanghui.caseworker']!, '522701001001', [memberInput({ idNumber: heads.c, name: '蒙老', workCapacity: 'none', categories: ['three_nos'] })]), head: heads.c };
  const village = (await sql<{ code: string }>`select code from areas where level = 'village' and county_code = '522702' order by code limit 1`.execute(ctx.db.kysely)).rows[0]!.code;
  const other = await createHousehold(ctx.db, systemScope('test'), newHouseholdSchema.parse(householdInput(village, [memberInput({ idNumber: heads.other, name: '福泉人' })])));
  h.other = { no: other, head: heads.other };
  const inst = await ctx.built.app.inject({ method: 'POST', url: '/api/v1/institutions', headers: bearer(tokens['duyun.approver']!), payload: { countyCode: '522701', name: '广惠街道敬老院', beds: 40 } });
  expect(inst.statusCode, inst.body).toBe(201);
  goodRows = [
    [h.a.no, '低保', 'B类', '', '', `${h.a.head}、${h.a.second}`, '2015-03-10', '620.50', '2015-09-15'],
    [h.b.no, '低保', 'A类', '', '', '', '2014-11-20', 300, ''],
    [h.c.no, '特困', '集中供养', '广惠街道敬老院', h.c.head, '', '2015-06-01', '291.67', ''],
  ];
});

describe('存量对象导入', () => {
  it('the template has the columns and example rows; a township caseworker may not import', async () => {
    const res = await ctx.built.app.inject({ method: 'GET', url: '/api/v1/cases/import/caseload/template.xlsx', headers: bearer(tokens['duyun.approver']!) });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('存量对象')!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(HEADERS.map((x) => (x === '月保障金额' ? '月保障金额（元）' : x)));
    expect(ws.rowCount).toBe(5);
    expect((await upload('guanghui.caseworker', csv(goodRows))).statusCode).toBe(403);
  });

  it('a file with 3 bad rows imports nothing and names each row and column', async () => {
    const before = await counts();
    const res = await upload('duyun.approver', csv([
      ...goodRows,
      ['52270199999999', '低保', 'B类', '', '', '', '2015-03-10', 300, ''],
      [h.other.no, '低保', 'B类', '', '', '', '2015-03-10', 300, ''],
      [h.b.no, '临时救助', 'B类', '', '', '', '2099-01-01', '0', ''],
    ]));
    expect(res.statusCode, res.body).toBe(400);
    const e = errorOf(res);
    expect(e.code).toBe('caseload_rejected');
    expect(e.message).toContain('未导入任何数据');
    const d = e.details as unknown as CaseloadRejection;
    expect(d.errors.map((x) => [x.row, x.column])).toEqual([[5, '户编号'], [6, '户编号'], [7, '救助项目'], [7, '批准日期'], [7, '月保障金额']]);
    expect(d.errors[0]!.message).toContain('未登记或不属于本县');
    expect(d.errors[1]!.message).toContain('未登记或不属于本县');
    expect(d.errors[2]!.message).toContain('“临时救助”无效');
    expect(d.errors[3]!.message).toContain('晚于今天');
    expect(d.errors[4]!.message).toBe('月保障金额应大于0');
    expect(await counts()).toEqual(before);
  });

  it('refuses a household twice in the file, an unknown institution and a stranger as a member', async () => {
    const res = await upload('duyun.approver', csv([
      goodRows[0]!,
      [h.a.no, '低保', 'C类', '', '', '', '2015-04-10', 400, ''],
      [h.c.no, '特困', '集中供养', '不存在的敬老院', h.c.head, '', '2015-06-01', 300, ''],
      [h.b.no, '低保', 'D类', '', '', h.c.head, '2015-03-10', 300, ''],
    ]));
    expect(res.statusCode).toBe(400);
    const d = errorOf(res).details as unknown as CaseloadRejection;
    expect(d.errors.map((x) => `${x.row}.${x.column}`)).toEqual(['2.户编号', '3.户编号', '4.供养机构', '5.类别']);
    expect(d.errors[0]!.message).toBe('与第3行为同一户（' + h.a.no + '）的低保，重复');
    expect(d.errors[2]!.message).toContain('不在本县供养服务机构登记中');
    expect((await counts()).c).toBe(0);
  });

  it('a dry run lists each amount that differs from the formula, and writes nothing', async () => {
    const res = await upload('duyun.approver', csv(goodRows), '&dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as CaseloadResult;
    expect(r).toMatchObject({ dryRun: true, rows: 3, countyCode: '522701', imported: { dibao: 2, hardship: 1, closed: 0, amountFen: 62050 + 30000 + 29167 } });
    const byRow = new Map(r.warnings.map((w) => [w.row, w]));
    expect(byRow.get(2)).toMatchObject({ importedFen: 62050, column: '月保障金额' });
    expect(byRow.get(2)!.message).toContain('原系统金额 620.50 元');
    // Row 3 again at exactly the formula's amount: no warning for it.
    expect(byRow.get(2)!.formulaFen).toBeTypeOf('number');
    // Before 2015 the parameters have no dibao standard: the formula gives nothing, which is said.
    expect(byRow.get(3)).toMatchObject({ importedFen: 30000, formulaFen: null, message: expect.stringContaining('按登记信息计算不出金额') });
    // Row 2 again at exactly the formula's amount: no warning.
    const again = (await upload('duyun.approver', csv([[h.a.no, '低保', 'B类', '', '', '', '2015-03-10', (byRow.get(2)!.formulaFen! / 100).toFixed(2), '']]), '&dryRun=true')).json() as CaseloadResult;
    expect(again.warningCount).toBe(0);
    expect(await counts()).toMatchObject({ c: 0, s: 0 });
  });

  it('imports a clean file as approved cases with a migration decision and entitlement each, audited; a second import is refused', async () => {
    const res = await upload('duyun.approver', csv(goodRows));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dryRun: false, imported: { dibao: 2, hardship: 1 }, firstMonth: FIRST_MONTH });
    const { rows } = await sql<{ case_no: string; programme: string; state: string; phase: string; applied_on: string; review_due: string | null; action: string; kind: string; amount_fen: number; effective_month: string; from_month: string; persons: number; payee: string; payee_name: string }>`
      select c.case_no, c.programme, c.state, c.phase, c.applied_on, c.review_due, t.action, d.kind, d.amount_fen, d.effective_month, e.from_month, e.persons, e.payee, e.payee_name
      from cases c join case_transitions t on t.county_code = c.county_code and t.case_id = c.id
      join case_decisions d on d.county_code = c.county_code and d.case_id = c.id join entitlements e on e.county_code = c.county_code and e.decision_id = d.id
      order by c.applied_on`.execute(ctx.db.kysely);
    expect(rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }))).toEqual([
      { case_no: expect.stringMatching(/^DB5227012014\d{6}$/), programme: 'dibao', state: 'approved', phase: 'payable', applied_on: '2014-11-20', review_due: '2015-12-01', action: 'migrate', kind: 'migration', amount_fen: 30000, effective_month: '2014-11', from_month: FIRST_MONTH, persons: 1, payee: 'recipient', payee_name: '王一' },
      { case_no: expect.stringMatching(/^DB5227012015\d{6}$/), programme: 'dibao', state: 'approved', phase: 'payable', applied_on: '2015-03-10', review_due: '2016-04-01', action: 'migrate', kind: 'migration', amount_fen: 62050, effective_month: '2015-03', from_month: FIRST_MONTH, persons: 2, payee: 'recipient', payee_name: '罗大成' },
      { case_no: expect.stringMatching(/^TK5227012015\d{6}$/), programme: 'hardship', state: 'approved', phase: 'payable', applied_on: '2015-06-01', review_due: '2016-07-01', action: 'migrate', kind: 'migration', amount_fen: 29167, effective_month: '2015-06', from_month: FIRST_MONTH, persons: 1, payee: 'institution', payee_name: '广惠街道敬老院' },
    ]);
    const frozen = await sql<{ context: unknown; explanation: unknown; summary: unknown }>`
      select c.context, d.explanation, e.summary from cases c join case_decisions d on d.county_code = c.county_code and d.case_id = c.id
      join entitlements e on e.county_code = c.county_code and e.decision_id = d.id where c.case_no = ${rows[1]!.case_no}`.execute(ctx.db.kysely);
    expect(frozen.rows[0]).toMatchObject({
      context: { stability: 'stable', migration: { file: 'old.csv', row: 2, category: 'stable', lastReviewOn: '2015-09-15', members: [h.a.head, h.a.second] } },
      explanation: { formula: 'migration', importedFen: 62050, formulaFen: expect.any(Number), firstPaidMonth: FIRST_MONTH },
      summary: { gap: 62050 },
    });
    const audit = await ctx.db.kysely.selectFrom('audit_log').select(['after', 'actor_name', 'area_code']).where('action', '=', 'cases.caseload_import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: 'duyun.approver', area_code: '522701', after: { rows: 3, dibao: 2, hardship: 1, fileName: 'old.csv' } });
    const detail = await ctx.built.app.inject({ method: 'GET', url: `/api/v1/cases/${rows[1]!.case_no}`, headers: bearer(tokens['duyun.approver']!) });
    expect(detail.json()).toMatchObject({ state: 'approved', timeline: [{ action: 'migrate', label: '迁移导入' }], decisions: [{ kind: 'migration', amountFen: 62050 }] });
    expect((await counts()).s).toBe(0);
    expect(await triggersOff()).toBe(0);
    // 集中供养: the person is a resident of the named home from the approval date.
    const stay = await sql<{ name: string; status: string; admitted_on: string; case_no: string }>`
      select i.name, p.status, p.admitted_on::text, c.case_no from institution_placements p
      join institutions i on i.county_code = p.county_code and i.id = p.institution_id join cases c on c.county_code = p.county_code and c.id = p.case_id`.execute(ctx.db.kysely);
    expect(stay.rows).toEqual([{ name: '广惠街道敬老院', status: 'admitted', admitted_on: '2015-06-01', case_no: rows[2]!.case_no }]);

    const twice = await upload('duyun.approver', csv(goodRows));
    expect(twice.statusCode).toBe(400);
    const d = errorOf(twice).details as unknown as CaseloadRejection;
    expect(d.errors.map((x) => `${x.row}.${x.column}`)).toEqual(['2.户编号', '3.户编号', '4.对象身份证号码']);
    expect(d.errors[0]!.message).toMatch(/该户已有低保案件 DB5227012015\d{6}（未终止）/);
    expect((await counts()).c).toBe(3);
  });

  it('the next payroll pays each imported recipient exactly its imported amount, no arrears', async () => {
    await runPayroll(ctx.db, systemScope('test'), { period: FIRST_MONTH, countyCode: '522701' });
    const { rows } = await sql<{ programme: string; name: string; regular_fen: number; arrears_fen: number; net_fen: number }>`
      select programme, name, regular_fen, arrears_fen, net_fen from payroll_lines where period = ${FIRST_MONTH} order by net_fen`.execute(ctx.db.kysely);
    expect(rows.map((r) => [r.programme, r.name, Number(r.regular_fen), Number(r.arrears_fen), Number(r.net_fen)])).toEqual([
      ['hardship', '广惠街道敬老院', 29167, 0, 29167],
      ['dibao', '王一', 30000, 0, 30000],
      ['dibao', '罗大成', 62050, 0, 62050],
    ]);
  });

  it('refuses a file whose 集中供养 persons would overfill a home (409 naming it and the rows), writing nothing', async () => {
    const head = idNumber('1940-02-02');
    const no = await household(tokens['guanghui.caseworker']!, '522701001001', [memberInput({ idNumber: head, name: '韦老', workCapacity: 'none' })]);
    const full = await ctx.built.app.inject({ method: 'POST', url: '/api/v1/institutions', headers: bearer(tokens['duyun.approver']!), payload: { countyCode: '522701', name: '在建敬老院', beds: 0 } });
    expect(full.statusCode, full.body).toBe(201);
    const before = await counts();
    const res = await upload('duyun.approver', csv([[no, '特困', '集中供养', '在建敬老院', head, '', '2015-07-01', '291.67', '']]));
    expect(res.statusCode, res.body).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'institution_full' });
    expect(errorOf(res).message).toContain('在建敬老院（0 张床位，在住 0 人，文件中集中供养 1 人，第 2 行）');
    expect(await counts()).toEqual({ ...before, s: 0 });
    expect(await triggersOff()).toBe(0);
  });

  it('another county\'s approver cannot import into 都匀市 (not found)', async () => {
    const res = await ctx.built.app.inject({
      method: 'POST', url: '/api/v1/cases/import/caseload?format=csv&countyCode=522702&dryRun=true',
      headers: { ...bearer(tokens['duyun.approver']!), 'content-type': 'application/octet-stream' }, payload: csv(goodRows),
    });
    expect(res.statusCode).toBe(404);
  });
});
