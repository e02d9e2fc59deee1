// 临时救助 through the API: the window opens a claim with its details; 急难型 paid first by the township
// within its delegated amount (the county above it) and the paperwork completed; 支出型 after the
// verification and a public notice; large cases only on the county's collective decision (一事一议);
// each grant a one-off entitlement of the decision's month, in cash or by transfer.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { addDays, addWorkingDays } from '../../policy/index.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { testApp, tokenFor } from '../../test/http.ts';
import { docxText, makeHousehold, stepper, verification, visit } from './testing.ts';

interface Detail {
  state: string; phase: string; dueDate: string | null; programmeLabel: string;
  decisions: { kind: string; amountFen: number | null; effectiveMonth: string | null; explanation: { formula: string } }[];
  nextActions: { action: string; allowed: boolean; blockedCode: string | null }[];
}

const claim = (extra: Record<string, unknown> = {}) => ({ kind: 'emergency', urgent: true, months: 1, method: 'cash', source: 'village_report', hardship: '房屋失火，生活用品全部烧毁', ...extra });

describe(`临时救助 claims (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let guanghui: string;
  let duyun: string;
  let s: ReturnType<typeof stepper>;
  const detail = async (caseNo: string) => (await s.call('GET', `/cases/${caseNo}`, guanghui)).json() as Detail;
  const entitlements = async (caseNo: string) => (await sql<{ schedule: string; from_month: string; to_month: string; amount_fen: string; persons: number; method: string; recipient_kind: string }>`
    select e.schedule, e.from_month, e.to_month, e.amount_fen, e.persons, e.method, e.recipient_kind from entitlements e join cases c on c.county_code = e.county_code and c.id = e.case_id
    where c.case_no = ${caseNo} order by e.id`.execute(db.kysely)).rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    s = stepper(built);
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    duyun = await tokenFor(built, 'duyun.approver');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const open = async (appliedOn: string, details: Record<string, unknown>, opts: Parameters<typeof makeHousehold>[3] = {}) => {
    const h = await makeHousehold(built, guanghui, '522701001001', opts);
    const res = await s.call('POST', '/cases', guanghui, { programme: 'temporary', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn, details });
    expect(res.statusCode, res.body).toBe(201);
    return { ...(res.json() as { caseNo: string; state: string; dueDate: string }), ...h };
  };

  it('pays an urgent emergency first at the township, in cash, and keeps the case open for the paperwork', async () => {
    const c = await open('2015-10-12', claim());
    expect(c.caseNo, JSON.stringify(c)).toMatch(/^LS5227012015\d{6}$/);
    // 5 working days from Mon 12 Oct 2015.
    expect(c.dueDate).toBe('2015-10-19');
    const r = await s.step(guanghui, c.caseNo, 'grant_first', { date: '2015-10-12', data: { note: '当场发放备用金' } });
    expect(r.state).toBe('granted_first');
    // The paperwork within 5 working days of the payment.
    expect(r.dueDate).toBe(addWorkingDays('2015-10-12', 5));
    const d = await detail(c.caseNo);
    expect(d).toMatchObject({ phase: 'granted', programmeLabel: '临时救助' });
    // 2 urban persons × 495 yuan × 1 month = 990 yuan, within the township's 1000 yuan.
    expect(d.decisions).toMatchObject([{ kind: 'approve', amountFen: 99000, effectiveMonth: '2015-10', explanation: { formula: 'temporary_assistance' } }]);
    expect(await entitlements(c.caseNo)).toEqual([{ schedule: 'one_off', from_month: '2015-10', to_month: '2015-10', amount_fen: 99000, persons: 2, method: 'cash', recipient_kind: 'person' }]);
    const notice = await s.call('GET', `/cases/${c.caseNo}/notices/decision.docx`, guanghui);
    expect(notice.statusCode).toBe(200);
    expect(docxText(notice.rawPayload)).toContain('核定临时救助金 990.00 元（一次性给予），于2015年10月发放');
    const done = await s.step(guanghui, c.caseNo, 'complete_paperwork', visit('2015-10-14'));
    expect(done).toMatchObject({ state: 'granted', dueDate: null });
    expect((await detail(c.caseNo)).nextActions).toEqual([]);
  });

  it('refuses the township above its delegated amount, and the county pays it', async () => {
    const c = await open('2015-10-12', claim({ months: 2, method: 'transfer' }));
    const above = await s.refused(guanghui, c.caseNo, 'grant_first', { date: '2015-10-12' });
    // 2 × 495 × 2 = 1980 yuan > 1000.
    expect(above).toMatchObject({ status: 409, code: 'above_township_limit' });
    expect(above.message).toContain('1980.00');
    expect(await entitlements(c.caseNo)).toEqual([]);
    expect((await detail(c.caseNo)).state).toBe('accepted');
    await s.step(duyun, c.caseNo, 'grant_first', { date: '2015-10-13' });
    expect(await entitlements(c.caseNo)).toEqual([{ schedule: 'one_off', from_month: '2015-10', to_month: '2015-10', amount_fen: 198000, persons: 2, method: 'transfer', recipient_kind: 'person' }]);
  });

  it('opens many claims for one person in a year, each with its own number', async () => {
    const c = await open('2015-10-20', claim());
    const again = await s.call('POST', '/cases', guanghui, { programme: 'temporary', householdNo: c.householdNo, applicantIdNumber: c.headId, appliedOn: '2015-11-02', details: claim({ kind: 'expenditure', urgent: false }) });
    expect(again.statusCode, again.body).toBe(201);
    expect((again.json() as { caseNo: string }).caseNo).not.toBe(c.caseNo);
  });

  it('takes a 支出型 claim through the verification and a 7-day notice before the township approves it', async () => {
    // 300 yuan wages a month for 2 persons: 150 yuan each, below the 833.33 yuan income line.
    const c = await open('2015-11-02', claim({ kind: 'expenditure', urgent: false, months: 1, method: 'transfer' }), { wageFen: 30000 });
    expect(await s.refused(guanghui, c.caseNo, 'grant_first', { date: '2015-11-02' })).toMatchObject({ status: 409, code: 'not_urgent' });
    await s.step(guanghui, c.caseNo, 'home_visit', visit('2015-11-03'));
    expect(await s.refused(guanghui, c.caseNo, 'approve_township', { date: '2015-11-03' })).toMatchObject({ status: 409, code: 'claim_kind' });
    await s.step(guanghui, c.caseNo, 'verify_economic_status', verification('2015-11-04'));
    const notice = await s.step(guanghui, c.caseNo, 'township_review', { date: '2015-11-05', data: { note: '同意' } });
    expect(notice).toMatchObject({ state: 'notice', dueDate: addDays('2015-11-05', 7) });
    expect(await s.refused(guanghui, c.caseNo, 'approve_township', { date: '2015-11-12' })).toMatchObject({ status: 409, code: 'notice_period_not_ended' });
    const granted = await s.step(guanghui, c.caseNo, 'approve_township', { date: '2015-11-13' });
    expect(granted.state).toBe('granted');
    expect((await detail(c.caseNo)).decisions).toMatchObject([{ kind: 'approve', amountFen: 99000, effectiveMonth: '2015-11' }]);
  });

  it('refuses a 支出型 claim above the income line, changing nothing', async () => {
    // 2000 yuan a month for 2 persons: 1000 yuan each, above 833.33.
    const c = await open('2015-11-02', claim({ kind: 'expenditure', urgent: false }), { wageFen: 200000 });
    await s.step(guanghui, c.caseNo, 'home_visit', visit('2015-11-03'));
    await s.step(guanghui, c.caseNo, 'verify_economic_status', verification('2015-11-04'));
    await s.step(guanghui, c.caseNo, 'township_review', { date: '2015-11-05' });
    expect(await s.refused(guanghui, c.caseNo, 'approve_township', { date: '2015-11-13' })).toMatchObject({ status: 409, code: 'not_eligible' });
    expect((await detail(c.caseNo)).state).toBe('notice');
    const rejected = await s.step(guanghui, c.caseNo, 'reject', { date: '2015-11-13', reason: '家庭人均收入高于当地上年人均可支配收入' });
    expect(rejected.state).toBe('rejected');
  });

  it('decides a large case at the county only with the coordination meeting (一事一议)', async () => {
    const members = ['1975-04-02', '1977-08-09', '2005-01-01', '2008-01-01'].map((b, i) => memberInput({ idNumber: idNumber(b, i % 2 === 0 ? 'male' : 'female'), name: ['王大成', '李二妹', '王小山', '王小水'][i], relation: i === 0 ? 'head' : i === 1 ? 'spouse' : 'child' }));
    const c = await open('2015-11-02', claim({ urgent: false, months: 6 }), { members });
    await s.step(guanghui, c.caseNo, 'home_visit', visit('2015-11-03'));
    const county = await s.step(guanghui, c.caseNo, 'submit_to_county', { date: '2015-11-03' });
    expect(county).toMatchObject({ state: 'county_review', dueDate: addWorkingDays('2015-11-03', 5) });
    // 4 × 495 × 6 = 11880 yuan > 10000.
    expect(await s.refused(duyun, c.caseNo, 'approve', { date: '2015-11-05' })).toMatchObject({ status: 409, code: 'collective_decision_required' });
    await s.step(duyun, c.caseNo, 'approve', { date: '2015-11-06', data: { collectiveDecision: { date: '2015-11-06', reference: '都匀市困难群众基本生活保障协调会议纪要〔2015〕3号' } } });
    expect((await detail(c.caseNo)).decisions).toMatchObject([{ kind: 'approve', amountFen: 1188000 }]);
  });

  it('names the field of a bad claim and opens nothing', async () => {
    const h = await makeHousehold(built, guanghui, '522701001001');
    const post = (details: unknown, programme = 'temporary') => s.call('POST', '/cases', guanghui, { programme, householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2015-10-12', details });
    const fields = async (details: unknown, programme?: string) => {
      const res = await post(details, programme);
      expect(res.statusCode).toBe(400);
      return (res.json() as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field);
    };
    expect(await fields(claim({ months: undefined }))).toContain('details.months');
    expect(await fields(claim({ kind: 'expenditure' }))).toContain('details.urgent');
    expect(await fields(claim({ kind: 'fire' }))).toContain('details.kind');
    expect(await fields(claim(), 'charity')).toContain('programme');
    expect(await fields({ months: 1 }, 'dibao')).toContain('details');
    const { rows } = await sql<{ n: string }>`select count(*) as n from cases c join households h on h.county_code = c.county_code and h.id = c.household_id where h.household_no = ${h.householdNo}`.execute(db.kysely);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
