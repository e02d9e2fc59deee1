// 我的申请 and 我的救助金 (issue 21): a citizen sees the cases and payments of their own household only, in Chinese,
// masked, with amounts in 元; another household's case answers 404 like a missing one; no session is a 401.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { loadConfig } from '../kernel/config.ts';
import { maskName } from '../kernel/mask.ts';
import { userScope } from '../kernel/scope.ts';
import { addCase, addDecision } from '../modules/payroll/testing.ts';
import { approvePayroll, runPayroll } from '../modules/payroll/index.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, tokenFor } from '../test/http.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { signInCitizen } from '../test/portal.ts';

const COUNTY = '522701';
const VILLAGE = '522701001001';
const approver = userScope({ id: 0, username: 'duyun.approver', role: 'county_approver', areaCode: COUNTY, department: null });

interface CaseItem {
  caseNo: string; householdNo: string; programme: string; state: string; phase: string; applicantName: string; appliedOn: string;
  nextStep: { label: string; deadline: string | null } | null;
  decision: { label: string; amountFen: number | null; amountYuan: string | null; effectiveMonth: string | null } | null;
}
interface PaymentItem { month: string; programme: string; purpose: string; recipientName: string; amountFen: number; amountYuan: string; status: string; statusLabel: string }

describe(`portal: my cases and payments (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-portal-cases-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let staff: string;
  const a = { phone: '13811112222', names: ['张秀芳', '李建国'], idNumber: '', householdNo: '', pendingCase: '', paidCase: '', dueDate: '' };
  const b = { phone: '13833334444', names: ['王德明', '赵丽华'], idNumber: '', householdNo: '', pendingCase: '' };

  const portal = (url: string, token?: string) => built.app.inject({ method: 'GET', url: `/api/portal/v1${url}`, ...(token ? { cookies: { jiuzhu_portal: token } } : {}) });
  const signIn = (person: { idNumber: string; phone: string }, ip: string) => signInCitizen(built, smsFile, person, ip);

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    const clerk = await tokenFor(built, 'guanghui.clerk');
    staff = await tokenFor(built, 'guanghui.caseworker');
    for (const h of [a, b]) {
      const members = h.names.map((name, i) => memberInput({ name, relation: i === 0 ? 'head' : 'spouse', idNumber: idNumber(i === 0 ? '1975-06-01' : '1978-02-02', i === 0 ? 'male' : 'female') }));
      const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(clerk), payload: householdInput(VILLAGE, members, { phone: h.phone }) });
      expect(res.statusCode, res.body).toBe(201);
      h.householdNo = (res.json() as { householdNo: string }).householdNo;
      h.idNumber = String(members[0]!.idNumber);
      // A 低保 application accepted at the township window: pending, with its next step and deadline.
      const opened = await built.app.inject({ method: 'POST', url: '/api/v1/cases', headers: bearer(staff), payload: { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.idNumber } });
      expect(opened.statusCode, opened.body).toBe(201);
      const created = opened.json() as { caseNo: string; dueDate: string };
      h.pendingCase = created.caseNo;
      if (h === a) a.dueDate = created.dueDate;
    }
    // Household A also has a 特困 case decided at 650.50 元 a month from February, paid in March's approved payroll.
    const hh = await sql<{ id: number }>`select id from households where household_no = ${a.householdNo}`.execute(db.kysely);
    const paid = await addCase(db, { county: COUNTY, householdId: Number(hh.rows[0]!.id), programme: 'hardship' });
    await addDecision(db, { county: COUNTY, caseId: paid.caseId }, { kind: 'approve', effectiveMonth: '2015-02', amountFen: 65_050 });
    await sql`update cases set phase = 'payable' where county_code = ${COUNTY} and id = ${paid.caseId}`.execute(db.kysely);
    a.paidCase = (await sql<{ case_no: string }>`select case_no from cases where county_code = ${COUNTY} and id = ${paid.caseId}`.execute(db.kysely)).rows[0]!.case_no;
    await runPayroll(db, approver, { period: '2015-03', countyCode: COUNTY });
    await approvePayroll(db, approver, `FF${COUNTY}201503`);
  }, 120_000);
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 without a portal session, and to a staff token', async () => {
    for (const url of ['/cases', `/cases/${a.pendingCase}`, '/payments']) {
      expect((await portal(url)).statusCode, url).toBe(401);
      const withStaff = await built.app.inject({ method: 'GET', url: `/api/portal/v1${url}`, headers: bearer(staff) });
      expect(withStaff.statusCode, url).toBe(401);
    }
  });

  it('lists the own household\'s cases in Chinese: state, next step with deadline, decision in 元; names masked, nothing of the other household', async () => {
    const token = await signIn(a, '10.30.0.1');
    const res = await portal('/cases', token);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: CaseItem[] }).items;
    expect(items.map((c) => c.caseNo).sort()).toEqual([a.pendingCase, a.paidCase].sort());

    const pending = items.find((c) => c.caseNo === a.pendingCase)!;
    expect(pending).toMatchObject({ householdNo: a.householdNo, programme: '最低生活保障', state: '已受理', phase: 'pending', applicantName: maskName(a.names[0]), decision: null });
    expect(pending.nextStep?.label).toMatch(/[\u4e00-\u9fff]/);
    expect(pending.nextStep?.deadline).toBe(a.dueDate);

    const paid = items.find((c) => c.caseNo === a.paidCase)!;
    expect(paid.programme).toMatch(/特困/);
    expect(paid.decision).toMatchObject({ label: '批准', amountFen: 65_050, amountYuan: '650.50', effectiveMonth: '2015-02' });

    for (const secret of [a.idNumber, a.names[0]!, b.householdNo, b.pendingCase, b.idNumber, ...b.names, ...b.names.map(maskName)]) expect(res.body).not.toContain(secret);
    expect(res.body).not.toMatch(/"(id|householdId|caseId|memberId)"/);
  });

  it('shows the own case\'s steps; another household\'s case answers exactly like a missing one (404); a bad number is a 400 naming caseNo', async () => {
    const token = await signIn(a, '10.30.0.2');
    const own = await portal(`/cases/${a.pendingCase}`, token);
    expect(own.statusCode, own.body).toBe(200);
    const detail = own.json() as { steps: { label: string; stateLabel: string }[]; applicantName: string; nextStep: unknown };
    expect(detail.steps[0]).toMatchObject({ label: '受理', stateLabel: '已受理' });
    expect(detail.applicantName).toBe(maskName(a.names[0]));
    expect(own.body).not.toContain('guanghui');

    const foreign = await portal(`/cases/${b.pendingCase}`, token);
    const missingNo = b.pendingCase.replace(/\d{6}$/, '999999');
    const missing = await portal(`/cases/${missingNo}`, token);
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.body.replaceAll(b.pendingCase, 'NO')).toBe(missing.body.replaceAll(missingNo, 'NO'));

    const bad = await portal('/cases/not-a-case', token);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: { fields: [{ field: 'caseNo' }] } } });
  });

  it('lists the own household\'s payments from approved payrolls with their status; the bank\'s return shows as paid', async () => {
    const token = await signIn(a, '10.30.0.3');
    const first = await portal('/payments', token);
    expect(first.statusCode, first.body).toBe(200);
    const items = (first.json() as { items: PaymentItem[] }).items;
    expect(items).toHaveLength(1);
    // March and February's arrears (the decision runs from February).
    expect(items[0]).toMatchObject({ month: '2015-03', amountFen: 130_100, amountYuan: '1301.00', status: 'approved', statusLabel: '待发放', recipientName: maskName(a.names[0]) });
    expect(items[0]!.programme).toMatch(/特困/);
    expect(items[0]!.purpose).toMatch(/2015年3月.*含补发/);
    expect(first.body).not.toContain(a.idNumber);
    expect(first.body).not.toMatch(/bank|account/i);

    await sql`insert into payroll_returns (county_code, payroll_id, line_id, result, reason, file_name, imported_by)
      select l.county_code, l.payroll_id, l.id, 'paid', null, 'huipan.csv', 'test' from payroll_lines l where l.county_code = ${COUNTY} and l.period = '2015-03'`.execute(db.kysely);
    const after = (await portal('/payments', token)).json() as { items: PaymentItem[] };
    expect(after.items[0]).toMatchObject({ status: 'paid', statusLabel: '已发放' });
  });

  it('a citizen of the other household sees their own case and nothing of the first household', async () => {
    const token = await signIn(b, '10.30.0.4');
    const cases = await portal('/cases', token);
    expect((cases.json() as { items: CaseItem[] }).items.map((c) => c.caseNo)).toEqual([b.pendingCase]);
    for (const secret of [a.householdNo, a.pendingCase, a.paidCase, ...a.names.map(maskName)]) expect(cases.body).not.toContain(secret);
    const payments = await portal('/payments', token);
    expect(payments.json()).toEqual({ items: [] });
    expect((await portal(`/cases/${a.paidCase}`, token)).statusCode).toBe(404);
  });
});
