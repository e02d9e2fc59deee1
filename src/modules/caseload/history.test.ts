// 存量对象导入 of the previous system's history: a row with 终止日期 is a closed case, imported as exited with
// its one `migrate` transition and `migration` decision and an entitlement paid until the month of closing
// (none when that is before the first month paid); it never conflicts with an open case, in the file or in
// the database, while two open rows (or times that overlap) still do. The statistics count it only while
// it was paid and the payroll never pays it after. And a 特困 row's 供养类别 (五保 / 三无 / 孤儿): given (kept in the
// context, as a township review sets it) or derived from the registry, counted in the entitlement's summary.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '../../kernel/files/csv.ts';
import { systemScope } from '../../kernel/scope.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { runPayroll } from '../payroll/index.ts';
import { CASELOAD_COLUMNS } from './columns.ts';
import type { CaseloadRejection, CaseloadResult } from './contract.ts';

const ctx = useTestApp();
const HEADERS = CASELOAD_COLUMNS.map((c) => c.header);
let token = '';
const FIRST_MONTH = '2015-03';

type Row = (string | number)[];
/** 户编号, 救助项目, 类别, 供养机构, 对象身份证号码, 保障成员身份证号码, 批准日期, 月保障金额, 最近复核日期, 终止日期, 供养类别 */
const csv = (rows: Row[]) => Buffer.from([HEADERS, ...rows].map((r) => csvLine(r)).join('\r\n'), 'utf8');
const upload = (body: Buffer, query = '') =>
  ctx.built.app.inject({
    method: 'POST', url: `/api/v1/cases/import/caseload?format=csv&fileName=history.csv&firstMonth=${FIRST_MONTH}${query}`,
    headers: { ...bearer(token), 'content-type': 'application/octet-stream' }, payload: body,
  });

async function household(village: string, members: Record<string, unknown>[]) {
  const res = await ctx.built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(await tokenFor(ctx.built, 'guanghui.caseworker')), payload: householdInput(village, members) });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { householdNo: string }).householdNo;
}

const h: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
const people = { a: idNumber('1975-04-02'), b: idNumber('1980-01-01'), c: idNumber('1945-06-06') };
let rows: Row[] = [];

beforeAll(async () => {
  token = await tokenFor(ctx.built, 'duyun.approver');
  h.a = await household('522701001001', [memberInput({ idNumber: people.a, name: '甲户主' })]);
  h.b = await household('522701001001', [memberInput({ idNumber: people.b, name: '乙户主' })]);
  h.c = await household('522701001001', [memberInput({ idNumber: people.c, name: '丙老人', workCapacity: 'none' })]);
  rows = [
    // closed in 2014, before the first month paid: paid for no month; approved again in 2015
    [h.a, '低保', 'B类', '', '', '', '2014-03-10', 400, '', '2014-10-20'],
    [h.a, '低保', 'A类', '', '', '', '2015-02-01', 500, '', ''],
    // closed after the first month paid: paid 2015-03 … 2015-05
    [h.b, '低保', 'C类', '', '', '', '2014-06-01', 300, '', '2015-05-15'],
    [h.c, '特困', '分散供养', '', people.c, '', '2013-01-01', 600, '', '2015-04-30'],
  ];
});

describe('存量对象导入: closed cases (history)', () => {
  it('refuses a closing date before the approval, in the future or not a date, and two open rows or overlapping times', async () => {
    const res = await upload(csv([
      [h.a, '低保', 'B类', '', '', '', '2015-03-10', 400, '', '2015-03-09'],
      [h.b, '低保', 'B类', '', '', '', '2015-03-10', 400, '', '2099-01-01'],
      [h.c, '特困', '分散供养', '', people.c, '', '2015-03-10', 400, '', '某天'],
      // the same household: two open rows; a closed row overlapping an open one
      [h.b, '低保', 'B类', '', '', '', '2014-01-01', 400, '', ''],
      [h.b, '低保', 'B类', '', '', '', '2014-02-01', 400, '', ''],
      [h.c, '低保', 'B类', '', '', '', '2014-01-01', 400, '', '2014-06-30'],
      [h.c, '低保', 'B类', '', '', '', '2014-06-01', 400, '', ''],
    ]));
    expect(res.statusCode, res.body).toBe(400);
    const d = errorOf(res).details as unknown as CaseloadRejection;
    expect(d.errors.map((x) => `${x.row}.${x.column}`)).toEqual(['2.终止日期', '3.终止日期', '4.终止日期', '5.户编号', '6.户编号', '7.户编号', '8.户编号']);
    expect(d.errors[0]!.message).toBe('终止日期 2015-03-09 早于批准日期 2015-03-10');
    expect(d.errors[1]!.message).toContain('晚于今天');
    expect(d.errors[3]!.message).toBe(`与第6行为同一户（${h.b}）的低保，重复`);
    expect(d.errors[5]!.message).toBe(`与第8行为同一户（${h.c}）的低保，保障期间重叠（已终止的案件到终止日期为止）`);
  });

  it('imports closed rows as exited cases beside the open ones, paid until the month of closing', async () => {
    const dry = (await upload(csv(rows), '&dryRun=true')).json() as CaseloadResult;
    expect(dry.imported).toEqual({ dibao: 3, hardship: 1, closed: 3, amountFen: 50000 });
    const res = await upload(csv(rows));
    expect(res.statusCode, res.body).toBe(201);
    const { rows: got } = await sql<{ row: number; state: string; phase: string; state_since: string; review_due: string | null; actions: string; kinds: string; segments: string }>`
      select (c.context -> 'migration' ->> 'row')::int as row, c.state, c.phase, c.state_since, c.review_due,
        (select string_agg(t.action || ':' || coalesce(t.from_state, '-') || '>' || t.to_state || '/' || t.to_phase, ',') from case_transitions t where t.county_code = c.county_code and t.case_id = c.id) as actions,
        (select string_agg(d.kind || ':' || d.amount_fen, ',') from case_decisions d where d.county_code = c.county_code and d.case_id = c.id) as kinds,
        (select string_agg(s.from_month || '…' || coalesce(s.until_month, '') || '@' || s.amount_fen, ',' order by s.from_month, s.id) from entitlement_segments s where s.county_code = c.county_code and s.case_id = c.id) as segments
      from cases c order by 1`.execute(ctx.db.kysely);
    expect(got).toEqual([
      { row: 2, state: 'exited', phase: 'terminal', state_since: '2014-10-20', review_due: null, actions: 'migrate:->exited/terminal', kinds: 'migration:40000', segments: '2015-03…2015-02@40000,2015-03…@0' },
      { row: 3, state: 'approved', phase: 'payable', state_since: '2015-02-01', review_due: expect.any(String), actions: 'migrate:->approved/payable', kinds: 'migration:50000', segments: '2015-03…@50000' },
      { row: 4, state: 'exited', phase: 'terminal', state_since: '2015-05-15', review_due: null, actions: 'migrate:->exited/terminal', kinds: 'migration:30000', segments: '2015-03…2015-05@30000,2015-06…@0' },
      { row: 5, state: 'exited', phase: 'terminal', state_since: '2015-04-30', review_due: null, actions: 'migrate:->exited/terminal', kinds: 'migration:60000', segments: '2015-03…2015-04@60000,2015-05…@0' },
    ]);
    const closedOn = await sql<{ c: unknown; e: unknown }>`select c.context -> 'migration' -> 'closedOn' as c, d.explanation -> 'closedOn' as e
      from cases c join case_decisions d on d.county_code = c.county_code and d.case_id = c.id where c.context -> 'migration' ->> 'row' = '4'`.execute(ctx.db.kysely);
    expect(closedOn.rows[0]).toEqual({ c: '2015-05-15', e: '2015-05-15' });
  });

  it('a closed row never conflicts with an open case in the database; an open row still does', async () => {
    const res = await upload(csv([
      [h.a, '低保', 'B类', '', '', '', '2013-01-01', 400, '', '2013-12-31'],
      [h.b, '低保', 'B类', '', '', '', '2016-01-01', 400, '', ''],
    ]), '&dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const open = await upload(csv([[h.a, '低保', 'B类', '', '', '', '2016-01-01', 400, '', '']]), '&dryRun=true');
    expect(open.statusCode).toBe(400);
    expect((errorOf(open).details as unknown as CaseloadRejection).errors[0]!.message).toMatch(/该户已有低保案件 .*（未终止）/);
  });

  it('the statistics count a closed case only while it was paid; the payroll never pays it after', async () => {
    const figures = async (month: string) => {
      const res = await ctx.built.app.inject({ method: 'GET', url: `/api/v1/stats/figures?from=${month}&to=${month}`, headers: bearer(token) });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { programmes: { code: string; total: { key: string; value: number | null }[] }[] };
      const of = (code: string, key: string) => body.programmes.find((p) => p.code === code)!.total.find((f) => f.key === key)?.value;
      return [of('dibao', 'households'), of('hardship', 'persons')];
    };
    expect(await figures('2015-03')).toEqual([2, 1]);
    expect(await figures('2015-05')).toEqual([2, 0]);
    expect(await figures('2015-06')).toEqual([1, 0]);
    const lines = async (period: string) => {
      await runPayroll(ctx.db, systemScope('test'), { period, countyCode: '522701' });
      const { rows: paid } = await sql<{ name: string; regular_fen: string; arrears_fen: string }>`
        select name, regular_fen, arrears_fen from payroll_lines where period = ${period} order by name`.execute(ctx.db.kysely);
      return paid.map((r) => [r.name, Number(r.regular_fen), Number(r.arrears_fen)]);
    };
    // The first payroll, for June: the months from the first month paid (March) are owed as arrears, each
    // closed case's only until its month of closing; 甲户主's case closed in 2014 pays nothing beside the open one.
    expect(await lines('2015-06')).toEqual([['丙老人', 0, 2 * 60000], ['乙户主', 0, 3 * 30000], ['甲户主', 50000, 3 * 50000]]);
  });
});

describe('存量对象导入: 特困 供养类别', () => {
  it('refuses it on a 低保 row and a label not among 五保 / 三无 / 孤儿', async () => {
    const res = await upload(csv([
      [h.b, '低保', 'B类', '', '', '', '2016-03-01', 400, '', '', '五保'],
      [h.c, '特困', '分散供养', '', people.c, '', '2016-03-01', 400, '', '', '散居'],
    ]), '&dryRun=true');
    expect(res.statusCode).toBe(400);
    const d = errorOf(res).details as unknown as CaseloadRejection;
    expect(d.errors.map((x) => `${x.row}.${x.column}.${x.message}`)).toEqual(['2.供养类别.低保不填写供养类别', '3.供养类别.供养类别“散居”无效，应为 五保、三无 或 孤儿']);
  });

  it('keeps one of each given in the context and counts it, and derives a blank one from the registry on the approval date', async () => {
    const ids = { head: idNumber('1940-01-01'), spouse: idNumber('1942-01-01', 'female'), grandchild: idNumber('2006-01-01'), sibling: idNumber('1944-01-01') };
    const no = await household('522701001001', [
      memberInput({ idNumber: ids.head, name: '丁一', hukou: 'rural', workCapacity: 'none' }),
      memberInput({ idNumber: ids.spouse, name: '丁二', relation: 'spouse', workCapacity: 'none' }),
      memberInput({ idNumber: ids.grandchild, name: '丁三', relation: 'grandchild', workCapacity: 'none', student: true }),
      memberInput({ idNumber: ids.sibling, name: '丁四', relation: 'sibling', workCapacity: 'none' }),
    ]);
    const res = await upload(csv([
      [no, '特困', '分散供养', '', ids.head, '', '2015-04-01', 500, '', '', '五保'],
      [no, '特困', '分散供养', '', ids.spouse, '', '2015-04-01', 500, '', '', '三无'],
      [no, '特困', '分散供养', '', ids.grandchild, '', '2015-04-01', 500, '', '', '孤儿'],
      // urban, of age: 三无
      [no, '特困', '分散供养', '', ids.sibling, '', '2015-04-01', 500, '', '', ''],
    ]));
    expect(res.statusCode, res.body).toBe(201);
    const { rows: got } = await sql<{ name: string; origin: string | null; summary: Record<string, number> }>`
      select c.applicant_name as name, c.context ->> 'origin' as origin, e.summary from cases c
      join entitlements e on e.county_code = c.county_code and e.case_id = c.id and e.amount_fen > 0
      where c.household_id = (select id from households where household_no = ${no}) order by c.applicant_name`.execute(ctx.db.kysely);
    const counts = (f: number, t: number, o: number) => ({ institutional: 0, fiveGuarantees: f, threeNos: t, orphans: o });
    expect(got).toEqual([
      { name: '丁一', origin: 'five_guarantees', summary: counts(1, 0, 0) },
      { name: '丁三', origin: 'orphan', summary: counts(0, 0, 1) },
      { name: '丁二', origin: 'three_nos', summary: counts(0, 1, 0) },
      { name: '丁四', origin: null, summary: counts(0, 1, 0) },
    ]);
  });
});
