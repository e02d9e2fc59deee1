// Bulk re-rating (批量调标) through the API on the real database: a raised urban standard from January
// 2026 → the draft lists the recipient with old and new amounts and the worksheet; the drafter cannot
// approve; another county approver approves; the case gets a `change` decision with its notice, and
// the payroll of the month pays the new amount. Bad input is refused naming the field, writing nothing;
// another county's batch is not found.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { testApp, tokenFor } from '../../test/http.ts';
import { approvePayroll, runPayroll } from '../payroll/index.ts';
import { approvedDibao, docxText, stepper } from './testing.ts';

type Summary = { batchNo: string; status: string; counts: Record<string, number> & { up: number; down: number }; totals: { oldFen: number; newFen: number; differenceFen: number } };
type Detail = Summary & {
  documents: { parameter: string; area: string; value: string; reference: string }[];
  items: { caseNo: string; name: string; village: string; householdNo: string; oldAmountFen: number; newAmountFen: number | null; outcome: string; worksheet: { standard: number; perCapitaIncome: number; persons: number; members: { share: number; category: string | null }[] } }[];
};

describe(`bulk re-rating (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let s: ReturnType<typeof stepper>;
  let guanghui: string;
  let duyun: string;
  let duyun2: string;
  let libo: string;
  const batches = async () => Number((await sql<{ n: number }>`select count(*)::int as n from rerate_batches`.execute(db.kysely)).rows[0]?.n);

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    s = stepper(built);
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    duyun = await tokenFor(built, 'duyun.approver');
    const admin = await tokenFor(built, 'qiannan.admin');
    for (const [username, areaCode] of [['duyun.approver2', '522701'], ['libo.approver', '522722']] as const) {
      const r = await s.call('POST', '/users', admin, { username, displayName: '审批员', password: 'long-enough-pw', role: 'county_approver', areaCode });
      if (r.statusCode !== 201) throw new Error(r.body);
    }
    duyun2 = await tokenFor(built, 'duyun.approver2', 'long-enough-pw');
    libo = await tokenFor(built, 'libo.approver', 'long-enough-pw');
    // 都匀市 raises the urban standard to 700 yuan a month from January 2026.
    const v = await s.call('POST', '/policy/parameters/dibao.standard.urban/values', admin, { area: '522701', effective: '2026-01-01', value: 700, reference: '都匀市2026年城市低保标准调整通知' });
    if (v.statusCode !== 201) throw new Error(v.body);
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  it('refuses a bad month or programme naming the field, and writes nothing', async () => {
    for (const [body, field] of [[{ programme: 'dibao', effectiveMonth: '2026-13' }, 'effectiveMonth'], [{ programme: 'medical', effectiveMonth: '2026-01' }, 'programme']] as const) {
      const r = await s.call('POST', '/cases/rerate', duyun, body);
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain(field);
    }
    expect(await batches()).toBe(0);
    // 特困: nobody in payment in 都匀市 → nothing to re-rate, nothing written.
    expect((await s.call('POST', '/cases/rerate', duyun, { programme: 'hardship', effectiveMonth: '2026-01' })).json()).toMatchObject({ error: { code: 'rerate_empty' } });
    expect(await batches()).toBe(0);
  });

  it('drafts old → new with the worksheet, approves as another user, and the payroll pays the new amount', async () => {
    // Two urban adults, wage 300 yuan a month: per capita 150 yuan, each gets standard − 150.
    const c = await approvedDibao(built, { township: guanghui, county: duyun }, { wageFen: 30000 });
    const draft = await s.call('POST', '/cases/rerate', duyun, { programme: 'dibao', effectiveMonth: '2026-01', reason: '2026年城市低保标准提高到每人每月700元' });
    expect(draft.statusCode, draft.body).toBe(201);
    const { batchNo } = draft.json() as Summary;
    expect(batchNo).toMatch(/^TB522701\d{10}$/);
    expect((await s.call('POST', '/cases/rerate', duyun, { programme: 'dibao', effectiveMonth: '2026-01' })).statusCode).toBe(409);

    const d = (await s.call('GET', `/cases/rerate/${batchNo}`, duyun)).json() as Detail;
    const item = d.items.find((i) => i.caseNo === c.caseNo);
    expect(item).toMatchObject({ newAmountFen: 2 * (70000 - 15000), outcome: 'up', name: '罗大成', village: expect.stringContaining('广惠') });
    expect(item?.worksheet).toMatchObject({ standard: 70000, perCapitaIncome: 15000, persons: 2 });
    expect(item?.worksheet.members.map((m) => m.share)).toEqual([55000, 55000]);
    expect(d.totals.differenceFen).toBe(d.totals.newFen - d.totals.oldFen);
    expect(d.documents.find((x) => x.reference === '都匀市2026年城市低保标准调整通知')).toMatchObject({ value: '700.00 元/月' });
    expect(JSON.stringify(d.documents)).not.toMatch(/dibao\./);

    // The drafter cannot approve; another county's approver does not find it.
    expect((await s.call('POST', `/cases/rerate/${batchNo}/approve`, duyun, {})).json()).toMatchObject({ error: { code: 'rerate_own_draft' } });
    expect((await s.call('GET', `/cases/rerate/${batchNo}`, libo)).statusCode).toBe(404);
    expect((await s.call('POST', `/cases/rerate/${batchNo}/approve`, libo, {})).statusCode).toBe(404);

    const ok = await s.call('POST', `/cases/rerate/${batchNo}/approve`, duyun2, { date: '2025-12-20' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', changed: d.counts.up + d.counts.down, stale: 0 });
    expect((await s.call('POST', `/cases/rerate/${batchNo}/approve`, duyun2, {})).json()).toMatchObject({ error: { code: 'rerate_state' } });

    type CaseDetail = { state: string; decisions: { kind: string; amountFen: number; effectiveMonth: string; decidedOn: string; reason: string; explanation: { rerateBatchNo: string; oldAmountFen: number }; worksheet: { label: string; expression: string; amountFen: number | null }[] }[];
      timeline: { seq: number; action: string; label: string; date: string; actorName: string; data: Record<string, unknown> }[] };
    const detail = (await s.call('GET', `/cases/${c.caseNo}`, duyun)).json() as CaseDetail;
    expect(detail.state).toBe('approved');
    // The list is the record: the case shows the item as its change decision and a step of its timeline, but no row of its own was written.
    expect(detail.decisions.at(-1)).toMatchObject({ kind: 'change', amountFen: 110000, effectiveMonth: '2026-01', decidedOn: '2025-12-20', explanation: { rerateBatchNo: batchNo, oldAmountFen: item?.oldAmountFen } });
    expect(detail.decisions.at(-1)?.reason).toMatch(new RegExp(`^批量调标 ${batchNo}：`));
    // Its 计算过程 from the re-rating's figures, as a worksheet like a decision's own.
    expect(detail.decisions.at(-1)?.worksheet.map((l) => [l.label, l.expression, l.amountFen])).toEqual([
      ['保障标准', '700.00 元/人·月', null],
      ['家庭人均月收入', '150.00 元（2 人）', null],
      ['补差', '(700.00 − 150.00) × 2 人 = 1100.00 元', 110000],
      ['合计', '1100.00 元/月', null],
    ]);
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'rerate', label: '批量调标', date: '2025-12-20', data: { rerateBatchNo: batchNo, oldAmountFen: item?.oldAmountFen, newAmountFen: 110000 } });
    expect(detail.timeline.at(-1)?.seq).toBe((detail.timeline.at(-2)?.seq ?? 0) + 0.5);
    const own = await sql<{ d: number; t: number }>`select (select count(*)::int from case_decisions d join cases x on x.county_code = d.county_code and x.id = d.case_id where x.case_no = ${c.caseNo} and d.kind = 'change') as d,
      (select count(*)::int from case_transitions t join cases x on x.county_code = t.county_code and x.id = t.case_id where x.case_no = ${c.caseNo} and t.action = 'change_amount') as t`.execute(db.kysely);
    expect(own.rows[0]).toEqual({ d: 0, t: 0 });
    const householdCases = (await s.call('GET', `/cases/by-household/${item?.householdNo}`, duyun)).json() as { items: { caseNo: string; decision: { kind: string; amountFen: number } | null }[] };
    expect(householdCases.items.find((x) => x.caseNo === c.caseNo)?.decision).toMatchObject({ kind: 'change', amountFen: 110000 });
    // The re-rating is a step of the case: a later step may not be dated before it.
    const early = await s.call('POST', `/cases/${c.caseNo}/transitions`, guanghui, { action: 'start_review', date: '2025-12-19', data: { trigger: 'scheduled' } });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ error: { code: 'invalid_field', details: { fields: [{ field: 'date', message: '办理日期 2025-12-19 不能早于上一步的日期 2025-12-20' }] } } });
    const notice = await s.call('GET', `/cases/${c.caseNo}/notices/decision.docx`, guanghui);
    expect(docxText(notice.rawPayload)).toContain('自2026年1月起将你（户）的最低生活保障金调整为每月 1100.00 元');

    const [dec] = await runPayroll(db, systemScope('test'), { period: '2025-12', countyCode: '522701' });
    await approvePayroll(db, systemScope('test'), dec!.payrollNo);
    const jan = await runPayroll(db, systemScope('test'), { period: '2026-01', countyCode: '522701' });
    const { rows } = await sql<{ period: string; regular_fen: string }>`select p.period, l.regular_fen from payroll_lines l join payrolls p on p.county_code = l.county_code and p.id = l.payroll_id
      join cases c on c.county_code = l.county_code and c.id = l.case_id where c.case_no = ${c.caseNo} order by p.period`.execute(db.kysely);
    expect(jan?.length).toBe(1);
    expect(rows.map((r) => [r.period, Number(r.regular_fen)])).toEqual([['2025-12', item?.oldAmountFen], ['2026-01', 110000]]);
  });

  it('re-rating from a month already paid: the next payroll pays the difference for it as arrears (补发)', async () => {
    const admin = await tokenFor(built, 'qiannan.admin');
    const v = await s.call('POST', '/policy/parameters/dibao.standard.urban/values', admin, { area: '522701', effective: '2026-02-01', value: 800, reference: '都匀市2026年2月城市低保标准调整通知' });
    expect(v.statusCode, v.body).toBe(201);
    const payrollNo = async (period: string) => (await sql<{ payroll_no: string }>`select payroll_no from payrolls where county_code = '522701' and period = ${period}`.execute(db.kysely)).rows[0]!.payroll_no;
    await approvePayroll(db, systemScope('test'), await payrollNo('2026-01'));
    const [feb] = await runPayroll(db, systemScope('test'), { period: '2026-02', countyCode: '522701' });
    await approvePayroll(db, systemScope('test'), feb!.payrollNo);

    // February is paid at 1100 yuan; then the county re-rates from February (800 yuan: 2 × (800 − 150) = 1300).
    const draft = await s.call('POST', '/cases/rerate', duyun, { programme: 'dibao', effectiveMonth: '2026-02', reason: '2026年2月起城市低保标准提高到每人每月800元' });
    expect(draft.statusCode, draft.body).toBe(201);
    const ok = await s.call('POST', `/cases/rerate/${(draft.json() as Summary).batchNo}/approve`, duyun2, { date: '2026-03-05' });
    expect(ok.statusCode, ok.body).toBe(200);

    await runPayroll(db, systemScope('test'), { period: '2026-03', countyCode: '522701' });
    const { rows } = await sql<{ name: string; regular_fen: string; arrears_fen: string; arrears_from: string | null }>`
      select l.name, l.regular_fen, l.arrears_fen, l.arrears_from from payroll_lines l join payrolls p on p.county_code = l.county_code and p.id = l.payroll_id
      where p.period = '2026-03' and l.name = '罗大成'`.execute(db.kysely);
    expect(rows.map((r) => [Number(r.regular_fen), Number(r.arrears_fen), r.arrears_from])).toEqual([[130000, 130000 - 110000, '2026-02']]);
    // A month whose amount did not change owes nothing more: April pays the regular amount only.
    await approvePayroll(db, systemScope('test'), await payrollNo('2026-03'));
    await runPayroll(db, systemScope('test'), { period: '2026-04', countyCode: '522701' });
    const apr = await sql<{ regular_fen: string; arrears_fen: string }>`select l.regular_fen, l.arrears_fen from payroll_lines l join payrolls p on p.county_code = l.county_code and p.id = l.payroll_id
      where p.period = '2026-04' and l.name = '罗大成'`.execute(db.kysely);
    expect(apr.rows.map((r) => [Number(r.regular_fen), Number(r.arrears_fen)])).toEqual([[130000, 0]]);
  });
});
