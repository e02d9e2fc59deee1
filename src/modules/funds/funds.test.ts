// Funds and 减量 plans on the real database: bad input named by field with nothing written; who records
// what; execution on a hand-built year (a 低保 household paid 500 yuan a month by three approved payrolls)
// equal to a hand count; the schedule warning arising exactly when behind; another county answered as
// missing; a 减量 plan replacing the quota in the reduction warning and the report's sentence.
import JSZip from 'jszip';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { planUsedUp } from '../../programmes/dibao/report.ts';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';
import { addCase, addDecision } from '../payroll/testing.ts';
import * as stats from '../stats/testing.ts';

describe(`funds (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const ok = async <T = Record<string, unknown>>(who: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]!.n);
  const budget = { year: 2015, programme: 'dibao', document: '黔财社〔2015〕1号' };

  it('names bad fields and writes nothing; only the county and the prefecture record funds, only the prefecture plans', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'qiannan.admin', 'qiannan.auditor', 'duyun.medical']) tokens[u] = await tokenFor(t.built, u);
    const bad = await call('duyun.approver', 'POST', '/funds/budgets', { ...budget, source: 'city', amountFen: -5 });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual(['amountFen', 'source']);
    const noProgramme = await call('duyun.approver', 'POST', '/funds/budgets', { ...budget, programme: 'nothing', source: 'central', amountFen: 100 });
    expect(fieldsOf(noProgramme)).toEqual(['programme']);
    const future = await call('duyun.approver', 'POST', '/funds/transfers', { receivedOn: '2999-01-01', programme: 'dibao', source: 'central', amountFen: 100, document: '未来文件' });
    expect(fieldsOf(future)).toEqual(['receivedOn']);
    const noTargets = await call('qiannan.admin', 'POST', '/funds/reduction-plans', { countyCode: '522701', programme: 'dibao', document: '黔府发〔2015〕3号', startYear: 2015, targets: [] });
    expect(fieldsOf(noTargets)).toEqual(['targets']);
    expect(await count('fund_budgets') + await count('fund_transfers') + await count('reduction_plans')).toBe(0);

    expect((await call('guanghui.caseworker', 'POST', '/funds/budgets', { ...budget, source: 'central', amountFen: 100 })).statusCode).toBe(403);
    expect((await call('duyun.medical', 'GET', '/funds/execution?year=2015&area=522701')).statusCode).toBe(403);
    expect((await call('qiannan.auditor', 'POST', '/funds/budgets', { ...budget, countyCode: '522701', source: 'central', amountFen: 100 })).statusCode).toBe(403);
    expect((await call('duyun.approver', 'POST', '/funds/reduction-plans', { countyCode: '522701', programme: 'dibao', document: '黔府发〔2015〕3号', startYear: 2015, targets: [5] })).statusCode).toBe(403);
    // another county: a read is a missing area, a write names the field as for a county that does not exist
    const foreign = await call('duyun.approver', 'GET', '/funds/execution?year=2015&area=522702');
    const missing = await call('duyun.approver', 'GET', '/funds/execution?year=2015&area=522799');
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign).code).toBe(errorOf(missing).code);
    expect(fieldsOf(await call('duyun.approver', 'POST', '/funds/budgets', { ...budget, countyCode: '522702', source: 'central', amountFen: 100 }))).toEqual(['countyCode']);
    expect(await count('fund_budgets')).toBe(0);
  });

  it('executes the budget against what the payroll paid, and warns exactly when behind the months elapsed', async () => {
    // 中央 4000 yuan (of it 中央彩票公益金 1000) + 省级 2000 yuan = 6000 yuan for 2015; 3000 yuan received in February, 1000 in July.
    await ok('duyun.approver', 'POST', '/funds/budgets', { ...budget, source: 'central', amountFen: 300_000 });
    await ok('duyun.approver', 'POST', '/funds/budgets', { ...budget, source: 'central', earmark: '中央彩票公益金', amountFen: 100_000 });
    await ok('qiannan.admin', 'POST', '/funds/budgets', { ...budget, countyCode: '522701', source: 'provincial', amountFen: 200_000 });
    const twice = await call('duyun.approver', 'POST', '/funds/budgets', { ...budget, source: 'provincial', amountFen: 1 });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).code).toBe('fund_budget_exists');
    await ok('duyun.approver', 'POST', '/funds/transfers', { receivedOn: '2015-02-10', programme: 'dibao', source: 'central', amountFen: 300_000, document: '黔财社〔2015〕9号' });
    await ok('duyun.approver', 'POST', '/funds/transfers', { receivedOn: '2015-07-01', programme: 'dibao', source: 'provincial', amountFen: 100_000, document: '黔财社〔2015〕30号' });
    expect((await ok<{ items: unknown[] }>('qiannan.auditor', 'GET', '/funds/budgets?area=522700&year=2015')).items).toHaveLength(3);

    // A 低保 household of 广惠社区 paid 500 yuan a month; January to March paid by approved payrolls.
    const h = await makeHousehold(t.built, tokens['guanghui.caseworker']!, '522701001001');
    const householdId = (await t.db.kysely.selectFrom('households').select('id').where('household_no', '=', h.householdNo).executeTakeFirstOrThrow()).id;
    const c = await addCase(t.db, { county: '522701', householdId, programme: 'dibao' });
    await addDecision(t.db, { county: '522701', caseId: c.caseId }, { kind: 'approve', effectiveMonth: '2015-01', amountFen: 50_000 });
    for (const period of ['2015-01', '2015-02', '2015-03']) {
      const run = await ok<{ payrollNo: string; netFen: number }>('duyun.approver', 'POST', '/payroll/runs', { period, countyCode: '522701' });
      expect(run.netFen).toBe(50_000);
      await ok('duyun.approver', 'POST', `/payroll/${run.payrollNo}/approve`);
    }

    type Execution = { monthsElapsed: number; items: { countyName: string; programmeLabel: string; budgetFen: number; budgetBySource: Record<string, number>; receivedFen: number; spentFen: number; rate: number; receivedRate: number; behind: boolean }[] };
    const april = await ok<Execution>('duyun.approver', 'GET', '/funds/execution?area=522701&year=2015&asOf=2015-04-30');
    expect(april.monthsElapsed).toBe(4);
    expect(april.items).toEqual([expect.objectContaining({
      countyName: '都匀市', programmeLabel: '最低生活保障', budgetFen: 600_000, budgetBySource: { central: 400_000, provincial: 200_000, prefecture: 0, county: 0 },
      receivedFen: 300_000, spentFen: 150_000, rate: 0.25, receivedRate: 0.5, behind: false,
    })]);
    // April: 6000 × (4/12 − 0.1) = 1400 yuan ≤ 1500 paid; May: 6000 × (5/12 − 0.1) = 1900 yuan > 1500: behind.
    expect((await ok<{ items: unknown[] }>('duyun.approver', 'GET', '/funds/warnings?area=522701&year=2015&asOf=2015-04-30')).items).toEqual([]);
    const may = await ok<{ items: Execution['items'] }>('qiannan.auditor', 'GET', '/funds/warnings?area=522700&year=2015&asOf=2015-05-31');
    expect(may.items.map((i) => [i.countyName, i.spentFen, i.behind])).toEqual([['都匀市', 150_000, true]]);
    // the year before anything was paid: nothing elapsed, nothing behind
    const before = await ok<Execution>('duyun.approver', 'GET', '/funds/execution?area=522701&year=2015&asOf=2014-12-31');
    expect(before.items.map((i) => [i.spentFen, i.receivedFen, i.behind])).toEqual([[0, 0, false]]);
  });

  it('compares the year\'s reduction with the 减量 plan where there is one, and says when a county used up its plan in one year', async () => {
    // 福泉市: four 低保 persons at the end of 2014, three exited in March 2015: 3 fewer.
    const villages = await stats.villagesOf(t.db.kysely, '522702001', 1);
    for (let i = 0; i < 4; i++) {
      const id = await stats.addHousehold(t.db.kysely, { village: villages[0]!, hukou: 'rural', members: [{}], agricultural: true });
      const caseId = await stats.addCase(t.db.kysely, id, villages[0]!, 'dibao', i < 3 ? 'exited' : 'approved');
      await stats.addDecision(t.db.kysely, '522702', caseId, { kind: 'approve', month: '2014-01', amount: 20_000 });
      if (i < 3) await stats.addDecision(t.db.kysely, '522702', caseId, { kind: 'exit', month: '2015-03' });
    }
    type Warnings = { items: { kind: string; areaName: string; value: number; threshold: number; plan?: { years: number; total: number } | null }[] };
    const reductionOf = async () => (await ok<Warnings>('qiannan.admin', 'GET', '/stats/warnings?area=522700&year=2015')).items.filter((w) => w.kind === 'reduction_quota' && w.areaName === '福泉市');
    expect(await reductionOf()).toEqual([]); // no plan: the province's quota share, not exceeded

    const plan = await ok<{ years: number; totalPersons: number; endYear: number }>('qiannan.admin', 'POST', '/funds/reduction-plans', { countyCode: '522702', programme: 'dibao', document: '黔南府办发〔2015〕8号', startYear: 2015, targets: [1, 1] });
    expect([plan.years, plan.totalPersons, plan.endYear]).toEqual([2, 2, 2016]);
    const overlap = await call('qiannan.admin', 'POST', '/funds/reduction-plans', { countyCode: '522702', programme: 'dibao', document: '黔南府办发〔2015〕9号', startYear: 2016, targets: [3] });
    expect(errorOf(overlap).code).toBe('reduction_plan_overlaps');

    const [w] = await reductionOf();
    expect(w).toMatchObject({ value: 3, threshold: 1, plan: { years: 2, total: 2 } });
    expect(planUsedUp([{ kind: 'reduction_quota', areaName: w!.areaName, value: w!.value, threshold: w!.threshold, plan: w!.plan ?? null }])).toBe('福泉市把2年的减量计划在一年全部减完。');
    expect((await ok<{ items: unknown[] }>('qiannan.auditor', 'GET', '/funds/reduction-plans?area=522702')).items).toHaveLength(1);
  });

  it('states the funds and the used-up plan in the annual report', async () => {
    const doc = await call('qiannan.admin', 'GET', '/stats/report.docx?area=522700&year=2015');
    expect(doc.statusCode).toBe(200);
    const text = (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('资金保障');
    // the whole year: 4000 yuan received (February and July), 1500 paid (January to March): 25%, behind 100%
    expect(text).toContain('2015年全州共筹集城乡低保资金6000.00元，其中中央4000.00元（含中央彩票公益金1000.00元）、省级2000.00元，已到位4000.00元；支出1500.00元，执行率25.00%。');
    expect(text).toContain('资金执行进度滞后：截至12月，都匀市城乡低保资金执行率25.00%，低于序时进度100.00%。');
    expect(text).toContain('福泉市减少3人（减量计划1人）');
    expect(text).toContain('福泉市把2年的减量计划在一年全部减完。');
  });
});
