// Payroll runs on one county's timeline, month after month: concurrent and repeated runs, arrears for a
// late approval and a recovery deducted, hand-computed; approval into the ledger; bank files and returns
// (bad files refused naming row and column; a failed line reissued next month); runs killed at random
// chunks and resumed; scope.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope, userScope } from '../../kernel/scope.ts';
import { AppError } from '../../kernel/errors.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';
import { loadDemoRecipients } from '../cases/index.ts';
import { loadDemoHouseholds } from '../registry/index.ts';
import { approvePayroll, discardPayroll, getPayroll } from './service/payrolls.ts';
import { COUNTIES_SIDE_BY_SIDE, runPayroll } from './service/run.ts';
import { addDecision, addFraudRecovery, invariants, lineSet, rows } from './testing.ts';

const COUNTY = '522701';
const approver = userScope({ id: 0, username: 'duyun.approver', role: 'county_approver', areaCode: COUNTY, department: null });

describe(`payroll (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let token: string;
  beforeAll(async () => {
    db = await testDatabase();
    await loadDemoHouseholds(db, systemScope('test'), { households: 500, seed: 'payroll' });
    await loadDemoRecipients(db, approver, { dibaoPerMille: 300, hardship: true, seed: 'payroll', decidedOn: '2015-03-10' });
    built = await testApp(db);
    token = await tokenFor(built, 'duyun.approver');
  }, 120_000);
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, payload?: object | Buffer, who = token) =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(who), ...(payload ? { payload } : {}) });
  const run = (period: string, hooks?: Parameters<typeof runPayroll>[2]['hooks']) => runPayroll(db, approver, { period, countyCode: COUNTY, ...(hooks ? { hooks } : {}) });
  const approve = async (period: string) => approvePayroll(db, approver, `FF${COUNTY}${period.replace('-', '')}`);

  it('two concurrent runs and a rerun give one payroll with one line per recipient; totals = lines = ledger after approval', async () => {
    const [recipients] = await rows<{ dibao: number; hardship: number }>(db, `select count(*) filter (where programme = 'dibao')::int as dibao, count(*) filter (where programme = 'hardship')::int as hardship from cases where county_code = '${COUNTY}'`);
    const [a, b] = await Promise.all([run('2015-04'), run('2015-04')]);
    expect(a![0]!.payrollNo).toBe('FF522701201504');
    expect(b![0]!.payrollNo).toBe('FF522701201504');
    expect(await rows(db, `select id from payrolls where county_code = '${COUNTY}'`)).toHaveLength(1);
    const inv = await invariants(db, COUNTY, '2015-04');
    expect(inv.lines).toBe(recipients!.dibao + recipients!.hardship);
    expect(inv.totalLines).toBe(inv.lines);
    expect(inv.totalsNet).toBe(inv.linesNet);
    const before = await lineSet(db, COUNTY, '2015-04');
    const again = await run('2015-04');
    expect(again[0]).toMatchObject({ status: 'draft', written: false, lines: inv.lines, netFen: inv.linesNet });
    expect(await lineSet(db, COUNTY, '2015-04')).toEqual(before);
    // first month of payment: no arrears, the frozen amount of each case
    const [mismatch] = await rows<{ n: number }>(db, `select count(*)::int as n from payroll_lines l join case_decisions d on d.county_code = l.county_code and d.case_id = l.case_id where l.period = '2015-04' and (l.regular_fen <> d.amount_fen or l.arrears_fen <> 0)`);
    expect(mismatch!.n).toBe(0);
    const ok = await approve('2015-04');
    expect(ok.status).toBe('approved');
    expect((await invariants(db, COUNTY, '2015-04')).ledgerNet).toBe(inv.linesNet);
    // approved: a rerun changes nothing, approval again is refused
    expect((await run('2015-04'))[0]).toMatchObject({ status: 'approved', written: false });
    await expect(approve('2015-04')).rejects.toMatchObject({ status: 409, code: 'invalid_status' });
    await expect(discardPayroll(db, approver, 'FF522701201504')).rejects.toMatchObject({ status: 409 });
    const audit = await rows<{ action: string }>(db, `select action from audit_log where entity = 'payroll' and entity_id = 'FF522701201504' order by id`);
    expect(audit.map((x) => x.action)).toEqual(['payroll.run', 'payroll.approve']);
  });

  it('pays arrears for a late approval and deducts a fraud recovery, with hand-computed amounts', async () => {
    // A dibao household without a case gets one approved late: 300 yuan from 2015-02, changed to 350 from 2015-04.
    const [h] = await rows<{ id: number; village_code: string; member_id: number }>(db, `
      select h.id, h.village_code, m.id as member_id from households h join members m on m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head'
      where h.county_code = '${COUNTY}' and not exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id) order by h.id limit 1`);
    const [c] = await rows<{ id: number }>(db, `
      insert into cases (county_code, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, applied_on, state_since)
      select county_code, 'DB${COUNTY}2015999001', 'dibao', 'cn-2012', household_id, '${h!.village_code}', id, name, id_number, 'approved', '2015-01-05', '2015-04-20'
      from members where county_code = '${COUNTY}' and id = ${h!.member_id} returning id`);
    const late = { county: COUNTY, caseId: c!.id };
    await addDecision(db, late, { kind: 'approve', effectiveMonth: '2015-02', amountFen: 30_000 });
    await addDecision(db, late, { kind: 'change', effectiveMonth: '2015-04', amountFen: 35_000 });
    // A recipient found to have obtained 1,500 yuan by fraud, 200 already recovered, fined 2 ×; its amount set to 800 yuan.
    const [z] = await rows<{ case_id: number; household_id: number; area_code: string }>(db, `select id as case_id, household_id, area_code from cases where county_code = '${COUNTY}' and programme = 'dibao' and id <> ${c!.id} order by id limit 1`);
    await addDecision(db, { county: COUNTY, caseId: z!.case_id }, { kind: 'change', effectiveMonth: '2015-05', amountFen: 80_000 });
    await addFraudRecovery(db, { county: COUNTY, caseId: z!.case_id, householdId: z!.household_id, areaCode: z!.area_code }, { obtainedFen: 150_000, recoveredFen: 20_000, fineMultiple: 2, decidedOn: '2015-05-02' });

    await run('2015-05');
    const line = async (householdId: number, period: string) => (await rows<{ regular_fen: number; arrears_fen: number; arrears_from: string | null; deduction_fen: number; reissue_fen: number; net_fen: number }>(db,
      `select regular_fen, arrears_fen, arrears_from, deduction_fen, reissue_fen, net_fen from payroll_lines where county_code = '${COUNTY}' and programme = 'dibao' and household_id = ${householdId} and period = '${period}'`))[0];
    // arrears: 2015-02 and 2015-03 at 300, 2015-04 at 350 (not in the April payroll) = 950 yuan
    expect(await line(h!.id, '2015-05')).toMatchObject({ regular_fen: 35_000, arrears_fen: 95_000, arrears_from: '2015-02', deduction_fen: 0, net_fen: 130_000 });
    // receivable 1,500 − 200 = 1,300 yuan: this month's 800 is withheld entirely
    expect(await line(z!.household_id, '2015-05')).toMatchObject({ regular_fen: 80_000, arrears_fen: 0, deduction_fen: 80_000, net_fen: 0 });
    const fines = await rows<{ account: string; kind: string; amount_fen: number }>(db, `select account, kind, amount_fen from payroll_ledger where county_code = '${COUNTY}' and household_id = ${z!.household_id} and account <> 'benefit' order by id`);
    expect(fines).toEqual([{ account: 'receivable', kind: 'established', amount_fen: 130_000 }, { account: 'fine', kind: 'assessed', amount_fen: 300_000 }]);
    await approve('2015-05');
    const inv = await invariants(db, COUNTY, '2015-05');
    expect(inv.ledgerNet).toBe(inv.linesNet);
    // the household repays 100 yuan; next month 1,300 − 800 − 100 = 400 yuan is deducted
    const hhNo = (await rows<{ household_no: string }>(db, `select household_no from households where county_code = '${COUNTY}' and id = ${z!.household_id}`))[0]!.household_no;
    const rep = await inject('POST', `/payroll/households/${hhNo}/repayments`, { amountFen: 10_000, date: '2015-06-03' });
    expect(rep.statusCode).toBe(200);
    expect(rep.json()).toMatchObject({ balanceFen: 40_000 });
    const tooMuch = await inject('POST', `/payroll/households/${hhNo}/repayments`, { amountFen: 50_000, date: '2015-06-03' });
    expect(errorOf(tooMuch).details.fields?.[0]?.field).toBe('amountFen');
    await run('2015-06');
    expect(await line(z!.household_id, '2015-06')).toMatchObject({ regular_fen: 80_000, deduction_fen: 40_000, net_fen: 40_000 });
    // the late case is paid its month only from now on
    expect(await line(h!.id, '2015-06')).toMatchObject({ regular_fen: 35_000, arrears_fen: 0, net_fen: 35_000 });
    const history = await inject('GET', `/payroll/households/${hhNo}/history`);
    expect(history.statusCode).toBe(200);
    const hist = history.json() as { payments: { period: string; deductionFen: number }[]; receivableBalanceFen: number };
    expect(hist.payments.map((p) => p.period)).toEqual(['2015-06', '2015-05', '2015-04']);
    expect(hist.receivableBalanceFen).toBe(40_000);
    await approve('2015-06');
    expect((await inject('GET', `/payroll/households/${hhNo}/history`)).json()).toMatchObject({ receivableBalanceFen: 0 });
  });

  it('exports bank files per bank (masked unless unmasked), refuses bad result files naming row and column, and reissues failed lines next month', async () => {
    const no = 'FF522701201506';
    const files = await inject('GET', `/payroll/${no}/bank-files`);
    expect(files.statusCode).toBe(200);
    const banks = (files.json() as { items: { bank: string; lines: number; netFen: number }[] }).items;
    const detail = await getPayroll(db, approver, no);
    expect(banks.reduce((n, b) => n + b.netFen, 0)).toBe(detail.total.netFen);
    const bank = banks[0]!;
    const masked = await inject('GET', `/payroll/${no}/bank-file?bank=${encodeURIComponent(bank.bank)}&format=csv`);
    expect(masked.statusCode).toBe(200);
    const maskedRows = masked.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(maskedRows[0]).toBe('流水号,姓名,身份证号码,账号,金额（元）,用途');
    expect(maskedRows).toHaveLength(bank.lines + 1);
    expect(maskedRows[1]!.split(',')[2]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const csv = await inject('GET', `/payroll/${no}/bank-file?bank=${encodeURIComponent(bank.bank)}&format=csv&unmask=true`);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((r) => r.split(','));
    expect(lines[0]![2]).toMatch(/^\d{17}[\dX]$/);
    const xlsx = await inject('GET', `/payroll/${no}/bank-file?bank=${encodeURIComponent(bank.bank)}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await getPayroll(db, approver, no)).status).toBe('exported');

    const header = '流水号,姓名,身份证号码,账号,金额（元）,用途,结果,失败原因';
    const result = (rs: string[][], fail: (i: number) => string[]) => Buffer.from(`${header}\n${rs.map((r, i) => [...r.slice(0, 6), ...fail(i)].join(',')).join('\n')}\n`);
    const ledgerBefore = await rows(db, 'select id from payroll_ledger');
    // bad: an amount changed, an unknown result, a reference of another payroll
    const bad = lines.map((r) => [...r]);
    bad[0]![4] = '1.00';
    const badFile = result(bad, (i) => (i === 1 ? ['退票', ''] : ['成功', '']));
    const badCsv = Buffer.from(`${badFile.toString('utf8')}FF522701201505-1,x,x,x,1.00,x,成功,\n`);
    const refused = await inject('POST', `/payroll/${no}/returns?format=csv`, badCsv);
    expect(refused.statusCode).toBe(400);
    const fields = errorOf(refused).details.fields?.map((f) => f.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['row 2.金额（元）', 'row 3.结果', `row ${lines.length + 2}.流水号`]));
    expect(await rows(db, 'select id from payroll_returns')).toHaveLength(0);
    expect(await rows(db, 'select id from payroll_ledger')).toHaveLength(ledgerBefore.length);
    expect((await inject('POST', `/payroll/${no}/returns?format=csv`, Buffer.from('姓名,金额\n'))).statusCode).toBe(400);

    // good: the first line failed (account closed), the rest paid
    const good = result(lines, (i) => (i === 0 ? ['失败', '账户已销户'] : ['成功', '']));
    const ok = await inject('POST', `/payroll/${no}/returns?format=csv&fileName=huipan.csv`, good);
    expect(ok.statusCode).toBe(200);
    const failedNet = Math.round(Number(lines[0]![4]) * 100);
    expect(ok.json()).toMatchObject({ paid: lines.length - 1, failed: 1, reissueFen: failedNet });
    // the same file again changes nothing
    expect((await inject('POST', `/payroll/${no}/returns?format=csv`, good)).json()).toMatchObject({ paid: 0, failed: 0 });
    const inv = await invariants(db, COUNTY, '2015-06');
    expect(inv.ledgerNet).toBe(inv.linesNet - failedNet);
    const lineId = Number(lines[0]![0]!.split('-')[1]);
    const [src] = await rows<{ programme: string; recipient_id: number }>(db, `select programme, recipient_id from payroll_lines where id = ${lineId}`);
    await run('2015-07');
    const [re] = await rows<{ reissue_fen: number; net_fen: number; regular_fen: number; deduction_fen: number }>(db, `select reissue_fen, net_fen, regular_fen, deduction_fen from payroll_lines where period = '2015-07' and programme = '${src!.programme}' and recipient_id = ${src!.recipient_id}`);
    expect(re!.reissue_fen).toBe(failedNet);
    expect(re!.net_fen).toBe(re!.regular_fen + failedNet - re!.deduction_fen);
    await approve('2015-07');
    expect(await rows(db, `select id from payroll_reissues where paid_payroll_id is null`)).toHaveLength(0);
  });

  it('a run killed at a random chunk and run again ends with exactly the lines and totals of an uninterrupted run', async () => {
    const period = '2015-08';
    const townships = (await rows<{ code: string }>(db, `select code from areas where level = 'township' and county_code = '${COUNTY}'`)).length;
    const counties = (await rows<{ code: string }>(db, `select code from areas where level = 'county'`)).map((c) => c.code).sort();
    const system = systemScope('test');
    const kill = (at: number) => ({ afterChunk: ({ index, county }: { index: number; county: string }) => {
      if (index === at && (county === COUNTY)) throw new Error(`killed at ${index}`);
    } });
    const results: string[][] = [];
    const discardAll = async () => {
      for (const p of await rows<{ payroll_no: string }>(db, `select payroll_no from payrolls where period = '${period}'`)) await discardPayroll(db, system, p.payroll_no);
    };
    // by township (one county): killed at a random township, at the last, at the first
    for (const failAt of [Math.floor(Math.random() * townships), townships - 1, 0]) {
      await expect(runPayroll(db, approver, { period, countyCode: COUNTY, chunkBy: 'township', hooks: kill(failAt) })).rejects.toThrow(`killed at ${failAt}`);
      const p = await getPayroll(db, approver, 'FF522701201508');
      expect(p.status).toBe('running');
      expect(p.chunksWritten).toBe(failAt);
      await expect(approve(period)).rejects.toMatchObject({ status: 409 });
      // the rerun takes the payroll's own chunking, whatever it is asked
      const resumed = await run(period);
      expect(resumed[0]).toMatchObject({ status: 'draft', written: true });
      results.push(await lineSet(db, COUNTY, period));
      const inv = await invariants(db, COUNTY, period);
      expect(inv.totalsNet).toBe(inv.linesNet);
      expect(inv.totalLines).toBe(inv.lines);
      await discardAll();
    }
    // by county (every county of the prefecture, each in one transaction): killed in 都匀市, which is left
    // with nothing; the counties before it are complete, and of those after it only the ones already running
    // beside it (COUNTIES_SIDE_BY_SIDE), complete too
    await expect(runPayroll(db, system, { period, hooks: kill(0) })).rejects.toThrow('killed at 0');
    const states = await rows<{ county_code: string; status: string }>(db, `select county_code, status from payrolls where period = '${period}' order by county_code`);
    const at = counties.indexOf(COUNTY);
    expect(states.slice(0, at)).toEqual(counties.slice(0, at).map((c) => ({ county_code: c, status: 'draft' })));
    const after = states.slice(at);
    expect(after.map((s) => s.county_code)).not.toContain(COUNTY);
    expect(after.every((s) => s.status === 'draft' && counties.indexOf(s.county_code) > at)).toBe(true);
    expect(after.length).toBeLessThan(COUNTIES_SIDE_BY_SIDE[db.engine]);
    expect(await lineSet(db, COUNTY, period)).toEqual([]);
    expect(await rows(db, `select 1 from payroll_totals t join payrolls p on p.county_code = t.county_code and p.id = t.payroll_id where p.period = '${period}' and p.county_code = '${COUNTY}'`)).toEqual([]);
    const all = await runPayroll(db, system, { period });
    expect(all.map((r) => r.status)).toEqual(counties.map(() => 'draft'));
    results.push(await lineSet(db, COUNTY, period));
    await discardAll();
    await run(period);
    const clean = await lineSet(db, COUNTY, period);
    expect(clean.length).toBeGreaterThan(0);
    for (const r of results) expect(r).toEqual(clean);
    await approve(period);
  });

  it('property: for any changes, suspensions and exits, sum of lines = sum of totals = ledger movement of the period', async () => {
    const cases = await rows<{ id: number }>(db, `select id from cases where county_code = '${COUNTY}' and state = 'approved' order by id limit 40`);
    let month = 9;
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ i: fc.nat({ max: cases.length - 1 }), kind: fc.constantFrom('change' as const, 'suspend' as const, 'resume' as const), amount: fc.integer({ min: 1, max: 2_000 }) }), { maxLength: 8 }),
      async (changes) => {
        const period = `${month > 12 ? 2016 : 2015}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
        month++;
        for (const ch of changes) {
          const c = { county: COUNTY, caseId: cases[ch.i]!.id };
          if (ch.kind === 'suspend') await addDecision(db, c, { kind: 'suspend', effectiveMonth: period, state: 'suspended' });
          else await addDecision(db, c, { kind: ch.kind, effectiveMonth: period, amountFen: ch.amount * 100 });
        }
        await run(period);
        await approve(period);
        const inv = await invariants(db, COUNTY, period);
        expect(inv.totalsNet).toBe(inv.linesNet);
        expect(inv.totalLines).toBe(inv.lines);
        expect(inv.ledgerNet).toBe(inv.linesNet);
      },
    ), { numRuns: 5 });
  });

  it('keeps the ledger append-only and the periods in order', async () => {
    await expect(rows(db, `update payroll_ledger set amount_fen = 0`)).rejects.toThrow(/append-only/);
    await expect(rows(db, `delete from payroll_ledger`)).rejects.toThrow(/append-only/);
    const earlier = await inject('POST', '/payroll/runs', { period: '2015-01', countyCode: COUNTY });
    expect(earlier.statusCode).toBe(409);
    expect(errorOf(earlier).code).toBe('later_payroll_exists');
    const fund = await inject('GET', `/payroll/fund?county=${COUNTY}&from=2015-04&to=2015-05`);
    const items = (fund.json() as { items: { period: string; account: string; amountFen: number }[] }).items;
    const aprilNet = items.filter((i) => i.period === '2015-04' && i.account === 'benefit').reduce((n, i) => n + i.amountFen, 0);
    expect(aprilNet).toBe((await invariants(db, COUNTY, '2015-04')).linesNet);
  });

  it("refuses another county's payroll and shows a township only its own lines", async () => {
    const admin = await tokenFor(built, 'qiannan.admin');
    await inject('POST', '/users', { username: 'fuquan.payroll', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' }, admin);
    const fuquan = await tokenFor(built, 'fuquan.payroll', STRONG_PASSWORD);
    expect((await inject('GET', '/payroll/FF522701201504', undefined, fuquan)).statusCode).toBe(404);
    expect((await inject('GET', '/payroll/FF522701201504/lines', undefined, fuquan)).statusCode).toBe(404);
    expect((await inject('POST', '/payroll/FF522701201504/approve', undefined, fuquan)).statusCode).toBe(404);
    expect((await inject('POST', '/payroll/runs', { period: '2016-06', countyCode: COUNTY }, fuquan)).statusCode).toBe(400);
    expect((await inject('GET', '/payroll/FF522702201504', undefined, fuquan)).statusCode).toBe(404);
    expect(((await inject('GET', `/payroll?county=${COUNTY}`, undefined, fuquan)).json() as { items: unknown[] }).items).toHaveLength(0);
    const caseworker = await tokenFor(built, 'guanghui.caseworker');
    const res = await inject('GET', '/payroll/FF522701201504/lines?limit=500', undefined, caseworker);
    expect(res.statusCode).toBe(200);
    const own = (res.json() as { items: { townshipCode: string }[] }).items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((l) => l.townshipCode === '522701001')).toBe(true);
    const d = (await inject('GET', '/payroll/FF522701201504', undefined, caseworker)).json() as { byTownship: { townshipCode: string }[] };
    expect(d.byTownship.every((t) => t.townshipCode === '522701001')).toBe(true);
    expect((await inject('POST', '/payroll/FF522701201504/approve', undefined, caseworker)).statusCode).toBe(403);
    expect((await inject('GET', '/payroll/FF522701201504/lines?unmask=true', undefined, caseworker)).statusCode).toBe(403);
    await expect(runPayroll(db, systemScope('x'), { period: '2015-13' as string, countyCode: '5227' })).rejects.toBeInstanceOf(AppError);
  });
});
