// One-off entitlements (claims) on one county's timeline: paid exactly once — a one-off decided after its
// month's payroll ran is paid in the next, two in one month both; a discarded draft gives its one-offs
// back to the rerun; cash goes to the cash list and payees to their own files, never to a bank file, and
// into totals and the ledger; a one-off shares the line of a monthly recipient of the same programme.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope, userScope } from '../../kernel/scope.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { bearer, errorOf, testApp, tokenFor } from '../../test/http.ts';
import { loadDemoRecipients } from '../cases/index.ts';
import { loadDemoHouseholds } from '../registry/index.ts';
import type { PaymentFileItem, PayrollDetail, PayrollLine } from './contract.ts';
import { approvePayroll, discardPayroll } from './service/payrolls.ts';
import { runPayroll } from './service/run.ts';
import { addCase, addDecision, invariants, rows, type TestDecision } from './testing.ts';

const COUNTY = '522701';
const approver = userScope({ id: 0, username: 'duyun.approver', role: 'county_approver', areaCode: COUNTY, department: null });
const no = (period: string) => `FF${COUNTY}${period.replace('-', '')}`;

describe(`one-off payments (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let token: string;
  /** Households without a case: each test takes its own. */
  let free: number[] = [];
  beforeAll(async () => {
    db = await testDatabase();
    await loadDemoHouseholds(db, systemScope('test'), { households: 400, seed: 'one-off' });
    await loadDemoRecipients(db, approver, { dibaoPerMille: 300, hardship: true, seed: 'one-off', decidedOn: '2015-03-10' });
    free = (await rows<{ id: number }>(db, `select h.id from households h where h.county_code = '${COUNTY}'
      and not exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id) order by h.id`)).map((r) => r.id);
    built = await testApp(db);
    token = await tokenFor(built, 'duyun.approver');
  }, 120_000);
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const get = async <T>(url: string) => {
    const res = await built.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
    return { status: res.statusCode, body: res.body, json: () => res.json() as T, res };
  };
  const run = async (period: string) => (await runPayroll(db, approver, { period, countyCode: COUNTY }))[0]!;
  const approve = (period: string) => approvePayroll(db, approver, no(period));
  const takeHousehold = () => {
    const id = free.shift();
    if (id === undefined) throw new Error('no household without a case left');
    return id;
  };
  /** A claim case of the household's head with one one-off payment of `month`. */
  const oneOff = async (householdId: number, programme: string, month: string, amountFen: number, more: Partial<TestDecision> = {}) => {
    const c = await addCase(db, { county: COUNTY, householdId, programme, state: 'granted' });
    const { entitlementId } = await addDecision(db, { county: COUNTY, caseId: c.caseId }, { kind: 'approve', effectiveMonth: month, amountFen, schedule: 'one_off', state: 'granted', ...more });
    return { ...c, entitlementId };
  };
  const linesOf = (programme: string, recipientId: number) => rows<{ period: string; regular_fen: number; one_off_fen: number; net_fen: number; method: string; payee: string; id: number }>(db,
    `select period, regular_fen, one_off_fen, net_fen, method, payee, id from payroll_lines where county_code = '${COUNTY}' and programme = '${programme}' and recipient_id = ${recipientId} order by period`);
  const paymentsOf = async (ids: number[]) => ids.length === 0 ? [] : rows<{ entitlement_id: number; payroll_no: string; amount_fen: number }>(db,
    `select x.entitlement_id, p.payroll_no, x.amount_fen from payroll_entitlement_payments x join payrolls p on p.county_code = x.county_code and p.id = x.payroll_id
     where x.county_code = '${COUNTY}' and x.entitlement_id in (${ids.join(',')}) order by x.entitlement_id`);

  it('pays two one-offs of one person in one month exactly once each: the one decided after the payroll ran, in the next payroll', async () => {
    const h = takeHousehold();
    const first = await oneOff(h, 'hardship', '2015-04', 50_000);
    await run('2015-04');
    await approve('2015-04');
    // decided later in April, after April's payroll was run and approved
    const late = await oneOff(h, 'hardship', '2015-04', 30_000);
    expect(first.recipientId).toBe(late.recipientId);
    await run('2015-05');
    await approve('2015-05');
    await run('2015-06');
    await approve('2015-06');
    expect(await linesOf('hardship', first.recipientId)).toMatchObject([
      { period: '2015-04', regular_fen: 0, one_off_fen: 50_000, net_fen: 50_000, method: 'transfer', payee: 'recipient' },
      { period: '2015-05', regular_fen: 0, one_off_fen: 30_000, net_fen: 30_000 },
    ]);
    expect(await paymentsOf([first.entitlementId, late.entitlementId])).toEqual([
      { entitlement_id: first.entitlementId, payroll_no: no('2015-04'), amount_fen: 50_000 },
      { entitlement_id: late.entitlementId, payroll_no: no('2015-05'), amount_fen: 30_000 },
    ]);
    for (const period of ['2015-04', '2015-05', '2015-06']) {
      const inv = await invariants(db, COUNTY, period);
      expect(inv.ledgerNet).toBe(inv.linesNet);
      expect(inv.ledgerOneOff).toBe(inv.linesOneOff);
      expect(inv.totalsOneOff).toBe(inv.linesOneOff);
    }
    const detail = (await get<PayrollDetail>(`/payroll/${no('2015-05')}`)).json();
    expect(detail.total.oneOffFen).toBe(30_000);
    expect(detail.byProgramme.find((p) => p.programme === 'hardship')).toMatchObject({ programmeLabel: '特困人员救助供养', oneOffFen: 30_000 });
  });

  it('gives the one-offs of a discarded draft back: the rerun pays them, once', async () => {
    const a = await oneOff(takeHousehold(), 'dibao', '2015-07', 20_000);
    const b = await oneOff(takeHousehold(), 'hardship', '2015-07', 12_345);
    await run('2015-07');
    expect(await paymentsOf([a.entitlementId, b.entitlementId])).toHaveLength(2);
    await discardPayroll(db, approver, no('2015-07'));
    expect(await paymentsOf([a.entitlementId, b.entitlementId])).toEqual([]);
    const again = await run('2015-07');
    expect(again).toMatchObject({ status: 'draft', written: true });
    expect((await paymentsOf([a.entitlementId, b.entitlementId])).map((x) => [x.payroll_no, x.amount_fen])).toEqual([[no('2015-07'), 20_000], [no('2015-07'), 12_345]]);
    await approve('2015-07');
    await run('2015-08');
    expect((await linesOf('dibao', a.recipientId)).map((l) => [l.period, l.one_off_fen])).toEqual([['2015-07', 20_000]]);
    expect((await linesOf('hardship', b.recipientId)).map((l) => [l.period, l.one_off_fen])).toEqual([['2015-07', 12_345]]);
    await approve('2015-08');
  });

  it('puts cash on the cash list and payees in their own files, never in a bank file, and into totals and the ledger', async () => {
    const period = '2015-09';
    const cash = await oneOff(takeHousehold(), 'hardship', period, 80_000, { method: 'cash' });
    const home = await oneOff(takeHousehold(), 'hardship', period, 66_600, { payee: 'institution' });
    await run(period);
    // not exportable before approval
    expect((await get(`/payroll/${no(period)}/files`)).status).toBe(409);
    await approve(period);
    const [cashLine] = await linesOf('hardship', cash.recipientId);
    const [homeLine] = await linesOf('hardship', home.recipientId);
    expect(cashLine).toMatchObject({ method: 'cash', payee: 'recipient', one_off_fen: 80_000, net_fen: 80_000 });
    expect(homeLine).toMatchObject({ method: 'transfer', payee: 'institution', net_fen: 66_600 });

    const files = (await get<{ items: PaymentFileItem[] }>(`/payroll/${no(period)}/files`)).json().items;
    expect(files.map((f) => f.kind)).toEqual([...files.filter((f) => f.kind === 'bank').map(() => 'bank'), 'cash', 'payee']);
    expect(files.find((f) => f.kind === 'cash')).toMatchObject({ key: '', label: '现金发放表', lines: 1, netFen: 80_000 });
    expect(files.find((f) => f.kind === 'payee')).toMatchObject({ key: 'institution', label: '供养服务机构（集中供养）', lines: 1, netFen: 66_600 });
    const detail = (await get<PayrollDetail>(`/payroll/${no(period)}`)).json();
    expect(files.reduce((n, f) => n + f.netFen, 0)).toBe(detail.total.netFen);
    // the old listing keeps to the bank files
    const banks = (await get<{ items: PaymentFileItem[] }>(`/payroll/${no(period)}/bank-files`)).json().items;
    expect(banks.every((b) => b.kind === 'bank' && b.bank !== null)).toBe(true);
    const ref = (id: number) => `${no(period)}-${id}`;
    for (const b of banks) {
      const csv = (await get(`/payroll/${no(period)}/file?kind=bank&key=${encodeURIComponent(b.key)}&format=csv`)).body;
      expect(csv).not.toContain(ref(cashLine!.id));
      expect(csv).not.toContain(ref(homeLine!.id));
    }
    const list = await get(`/payroll/${no(period)}/file?kind=cash&format=csv`);
    expect(list.status).toBe(200);
    expect(list.res.headers['content-disposition']).toContain(encodeURIComponent('现金发放表'));
    const cashRows = list.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(cashRows[0]).toBe('流水号,姓名,身份证号码,金额（元）,用途,签领');
    expect(cashRows.slice(1)).toHaveLength(1);
    const cells = cashRows[1]!.split(',');
    expect(cells.slice(0, 1).concat(cells.slice(3))).toEqual([ref(cashLine!.id), '800.00', '2015年9月特困人员救助供养金（含一次性救助）', '']);
    expect(cells[2]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const unmasked = await get(`/payroll/${no(period)}/file?kind=cash&format=xlsx&unmask=true`);
    expect(unmasked.res.headers['content-type']).toContain('spreadsheetml');
    const payee = await get(`/payroll/${no(period)}/file?kind=payee&key=institution&format=csv`);
    expect(payee.body).toContain(ref(homeLine!.id));
    const audit = await rows<{ after: { kind: string; unmasked: boolean } }>(db, `select after from audit_log where action = 'payroll.export' and entity_id = '${no(period)}' order by id`);
    expect(audit.map((a) => [a.after.kind, a.after.unmasked])).toEqual([...banks.map(() => ['bank', false]), ['cash', false], ['cash', true], ['payee', false]]);

    // bad requests name the field and change nothing
    const wrongPayee = await get(`/payroll/${no(period)}/file?kind=payee&key=bank`);
    expect(wrongPayee.status).toBe(400);
    expect(errorOf(wrongPayee.res).details.fields?.[0]?.field).toBe('key');
    expect((await get(`/payroll/${no(period)}/file?kind=coins`)).status).toBe(400);
    const unknown = await get(`/payroll/${no(period)}/lines?programme=lottery`);
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.res).details.fields?.[0]?.field).toBe('programme');
    // a bank result naming the cash line is refused: returns are for bank transfers
    const returned = await built.app.inject({ method: 'POST', url: `/api/v1/payroll/${no(period)}/returns?format=csv`, headers: bearer(token), payload: Buffer.from(`流水号,结果,失败原因\n${ref(cashLine!.id)},失败,其他\n`) });
    expect(returned.statusCode).toBe(400);
    expect(errorOf(returned).details.fields?.[0]?.field).toBe('row 2.流水号');

    const inv = await invariants(db, COUNTY, period);
    expect(inv.linesOneOff).toBe(80_000 + 66_600);
    expect([inv.totalsOneOff, inv.ledgerOneOff]).toEqual([inv.linesOneOff, inv.linesOneOff]);
    expect([inv.totalsNet, inv.ledgerNet]).toEqual([inv.linesNet, inv.linesNet]);
    const ledger = await rows<{ kind: string; amount_fen: number }>(db, `select kind, amount_fen from payroll_ledger where county_code = '${COUNTY}' and line_id = ${cashLine!.id}`);
    expect(ledger).toEqual([{ kind: 'one_off', amount_fen: 80_000 }]);
    const lines = (await get<{ items: PayrollLine[] }>(`/payroll/${no(period)}/lines?programme=hardship&limit=500`)).json().items;
    expect(lines.find((l) => l.id === cashLine!.id)).toMatchObject({ programmeLabel: '特困人员救助供养', methodLabel: '现金发放', oneOffFen: 80_000 });
  });

  it('puts a transfer one-off of a monthly recipient of the same programme on its monthly line', async () => {
    const period = '2015-10';
    const [m] = await rows<{ household_id: number; amount_fen: number }>(db, `
      select e.household_id, e.amount_fen from entitlements e where e.county_code = '${COUNTY}' and e.programme = 'dibao' and e.schedule = 'monthly'
      and not exists (select 1 from entitlements x where x.county_code = e.county_code and x.recipient_id = e.recipient_id and x.id <> e.id)
      and not exists (select 1 from payroll_ledger g where g.county_code = e.county_code and g.household_id = e.household_id and g.account = 'receivable')
      order by e.id limit 1`);
    const extra = await oneOff(m!.household_id, 'dibao', period, 25_000);
    expect(extra.recipientId).toBe(m!.household_id);
    await run(period);
    const lines = (await linesOf('dibao', m!.household_id)).filter((l) => l.period === period);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ regular_fen: m!.amount_fen, one_off_fen: 25_000, net_fen: m!.amount_fen + 25_000, method: 'transfer' });
    await approve(period);
    const history = await get<{ payments: { period: string; oneOffFen: number; programmeLabel: string }[] }>(`/payroll/households/${(await rows<{ household_no: string }>(db, `select household_no from households where county_code = '${COUNTY}' and id = ${m!.household_id}`))[0]!.household_no}/history`);
    expect(history.json().payments.find((p) => p.period === period)).toMatchObject({ oneOffFen: 25_000, programmeLabel: '最低生活保障' });
  });

  it('property: with one-offs decided on time or late, each is paid once and lines = totals = ledger', async () => {
    let month = 11;
    const created: number[] = [];
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({
        who: fc.nat({ max: 30 }), programme: fc.constantFrom('dibao', 'hardship'), late: fc.boolean(),
        method: fc.constantFrom<'transfer' | 'cash'>('transfer', 'cash'), amount: fc.integer({ min: 1, max: 3_000 }),
      }), { maxLength: 6 }),
      async (claims) => {
        const at = (m: number) => `${m > 12 ? 2016 : 2015}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
        const period = at(month);
        month++;
        // a late claim is of the month before, decided after that month's payroll was approved
        for (const c of claims) {
          const e = await oneOff(free[c.who % free.length]!, c.programme, at(c.late ? month - 2 : month - 1), c.amount * 100, { method: c.method });
          created.push(e.entitlementId);
        }
        await run(period);
        await approve(period);
        const inv = await invariants(db, COUNTY, period);
        expect([inv.totalsNet, inv.ledgerNet]).toEqual([inv.linesNet, inv.linesNet]);
        expect([inv.totalsOneOff, inv.ledgerOneOff]).toEqual([inv.linesOneOff, inv.linesOneOff]);
        const paid = await paymentsOf(created);
        expect(paid.map((x) => x.entitlement_id)).toEqual([...created].sort((x, y) => x - y));
        expect(paid.filter((x) => x.payroll_no === no(period)).reduce((n, x) => n + x.amount_fen, 0)).toBe(inv.linesOneOff);
      },
    ), { numRuns: 5 });
  });
});
