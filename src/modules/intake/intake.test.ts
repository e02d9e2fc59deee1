import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { idNumber } from '../../test/households.ts';
import { errorOf, STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';
import { syncProgrammes } from '../cases/index.ts';
import { caller, makeHousehold } from '../cases/testing.ts';

// The registry as it will be when programmes are added later (临时救助…): one more the window opens, with
// opening questions of its own, and one it may not open. The intake takes them without a change of its own.
vi.mock(import('../../programmes/registry.ts'), async (importOriginal) => {
  const real = await importOriginal();
  const { z } = await import('zod');
  const { dibao } = await import('../../programmes/dibao/index.ts');
  const labels = (name: string) => ({ 'zh-CN': { name, short: name, benefit: name }, en: { name, short: name, benefit: name } });
  const opening = z.strictObject({
    kind: z.enum(['emergency', 'expense']), urgent: z.boolean().default(false), months: z.number().int().min(1).max(12).optional(), method: z.enum(['cash', 'transfer']).default('transfer'),
  });
  const later = [
    { ...dibao, code: 'later_claim', serialPrefix: 'LT', labels: labels('试办临时救助'), kind: 'claim' as const, openCases: 'many' as const, opening: { schema: opening, context: () => ({}) } },
    { ...dibao, code: 'later_closed', serialPrefix: 'LC', labels: labels('窗口不受理的项目'), intake: false },
  ];
  const all = [...real.allProgrammes(), ...later];
  const byCode = new Map(all.map((p) => [p.code, p]));
  const of = (code: string, field?: string) => byCode.get(code) ?? real.programmeOf(code, field);
  return {
    ...real,
    allProgrammes: () => all,
    programmeCodes: () => all.map((p) => p.code),
    isProgramme: (code: string) => byCode.has(code),
    programmeOf: of,
    programmeOfCaseNo: (caseNo: string) => all.find((p) => p.serialPrefix === caseNo.slice(0, 2)),
    workflowOf: (code: string, ruleSet: Parameters<typeof real.workflowOf>[1]) => of(code).workflows[ruleSet],
    CASE_NO_PATTERN: new RegExp(`^(${all.map((p) => p.serialPrefix).join('|')})\\d{16}$`),
  };
});

const assessment = { householdSize: 2, workCapacity: 'partial', seriousIllness: true, rigidExpenses: [{ kind: 'medical', amountFen: 1_200_000 }] };

interface Part { id: number; seq: number; kind: string; department: string; need: string; status: string; caseNo: string | null; dueDate: string | null; closed: boolean; workingDaysOverdue: number }
interface RequestDetail { requestNo: string; areaCode: string; areaName: string; windowAreaCode: string; windowAreaName: string; completed: boolean; completedOn: string | null; parts: Part[] }

describe(`one-window intake with referrals (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let call: ReturnType<typeof caller>;
  let guanghui: string;
  let wenfeng: string;
  let medical: string;
  let education: string;
  let housing: string;
  let fuquanMedical: string;

  beforeAll(async () => {
    db = await testDatabase();
    await syncProgrammes(db);
    built = await testApp(db);
    call = caller(built);
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    medical = await tokenFor(built, 'duyun.medical');
    const admin = await tokenFor(built, 'qiannan.admin');
    const partner = async (username: string, department: string, areaCode = '522701') => {
      const res = await call('POST', '/users', admin, { username, displayName: username, password: STRONG_PASSWORD, role: 'partner', areaCode, department });
      if (res.statusCode !== 201) throw new Error(res.body);
      return tokenFor(built, username, STRONG_PASSWORD);
    };
    education = await partner('duyun.education', 'education');
    housing = await partner('duyun.housing', 'housing');
    fuquanMedical = await partner('fuquan.medical', 'medical_security', '522702');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const submit = async (token: string, body: object) => {
    const res = await call('POST', '/intake/requests', token, body);
    if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
    return res.json() as { requestNo: string; parts: { seq: number; referralId?: number; caseNo?: string; dueDate: string | null }[] };
  };
  const detail = async (requestNo: string, token = guanghui) => (await call('GET', `/intake/requests/${requestNo}`, token)).json() as RequestDetail;
  const ok = async (token: string, url: string, body: object) => {
    const res = await call('POST', url, token, body);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { status: string };
  };
  const close = async (token: string, id: number, accept: string, done: string, outcome = 'assisted') => {
    await ok(token, `/intake/referrals/${id}/accept`, { date: accept });
    await ok(token, `/intake/referrals/${id}/result`, { date: done, outcome, result: '已按规定办理并告知申请人' });
  };

  it('splits one request to three departments and completes it only when all three close', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const r = await submit(guanghui, {
      channel: 'window', receivedOn: '2016-04-05', person: { householdNo, idNumber: headId }, description: '患病、子女上学、房屋漏雨', assessment,
      parts: [
        { kind: 'referral', department: 'medical_security', need: 'medical' },
        { kind: 'referral', department: 'education', need: 'education' },
        { kind: 'referral', department: 'housing', need: 'housing' },
      ],
    });
    expect(r.parts.map((p) => p.dueDate)).toEqual(['2016-04-12', '2016-04-19', '2016-04-26']);
    const [m, e, h] = r.parts.map((p) => p.referralId as number) as [number, number, number];
    await close(medical, m, '2016-04-06', '2016-04-08');
    await close(education, e, '2016-04-06', '2016-04-12');
    let d = await detail(r.requestNo);
    expect(d.parts.map((p) => p.status)).toEqual(['closed', 'closed', 'referred']);
    // The window and the person's area by name, as the request page shows them.
    const named = new Map((await db.kysely.selectFrom('areas').select(['code', 'name']).where('code', 'in', [d.areaCode, d.windowAreaCode]).execute()).map((x) => [x.code, x.name]));
    expect([d.areaCode, d.areaName, d.windowAreaName]).toEqual(['522701001001', named.get('522701001001'), named.get(d.windowAreaCode)]);
    expect(d.windowAreaName).not.toBe(d.windowAreaCode);
    expect(d.completed).toBe(false);
    await close(housing, h, '2016-04-07', '2016-04-20');
    d = await detail(r.requestNo);
    expect(d.completed).toBe(true);
    expect(d.completedOn).toBe('2016-04-20');
    const list = (await call('GET', '/intake/requests?status=completed&limit=200', guanghui)).json() as { items: { requestNo: string; parts: number; closedParts: number; completedOn: string }[] };
    expect(list.items.find((x) => x.requestNo === r.requestNo)).toMatchObject({ parts: 3, closedParts: 3, completedOn: '2016-04-20' });
    const open = (await call('GET', '/intake/requests?status=open&limit=200', guanghui)).json() as { items: { requestNo: string }[] };
    expect(open.items.map((x) => x.requestNo)).not.toContain(r.requestNo);
    const events = (await call('GET', `/intake/referrals/${h}`, housing)).json() as { events: { action: string }[] };
    expect(events.events.map((x) => x.action)).toEqual(['refer', 'accept', 'close']);
    // A closed referral takes no more steps.
    const again = await call('POST', `/intake/referrals/${m}/result`, medical, { outcome: 'assisted', result: '再次反馈' });
    expect(again.statusCode).toBe(409);
  });

  it('opens a dibao case in the same step; the case part closes when the case reaches a decision state', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001', { wageFen: 20_000 });
    const r = await submit(guanghui, {
      channel: 'village', receivedOn: '2016-05-03', person: { householdNo, idNumber: headId }, assessment,
      parts: [{ kind: 'case', programme: 'dibao' }, { kind: 'referral', department: 'medical_security', need: 'medical' }],
    });
    const caseNo = r.parts[0]?.caseNo as string;
    expect(caseNo).toMatch(/^DB522701/);
    const c = (await call('GET', `/cases/${caseNo}`, guanghui)).json() as { state: string };
    expect(c.state).toBe('accepted');
    await close(medical, r.parts[1]?.referralId as number, '2016-05-04', '2016-05-05');
    expect((await detail(r.requestNo)).completed).toBe(false);
    const w = await call('POST', `/cases/${caseNo}/transitions`, guanghui, { action: 'withdraw', date: '2016-05-10', reason: '申请人书面撤回申请', data: {} });
    expect(w.statusCode).toBe(200);
    const d = await detail(r.requestNo);
    expect(d.parts[0]).toMatchObject({ kind: 'case', department: 'civil_affairs', closed: true });
    expect(d.completed).toBe(true);
    expect(d.completedOn).toBe('2016-05-10');
  });

  it('opens a case of any programme the window may open: a 特困 case beside a referral, its need the programme code', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const r = await submit(guanghui, {
      channel: 'window', receivedOn: '2016-05-04', person: { householdNo, idNumber: headId }, assessment,
      parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }, { kind: 'case', programme: 'hardship' }],
    });
    expect(r.parts[1]?.caseNo).toMatch(/^TK522701\d{10}$/);
    const d = (await call('GET', `/intake/requests/${r.requestNo}`, guanghui)).json() as RequestDetail & { needs: string[]; parts: (Part & { needLabel: string })[] };
    expect(d.needs).toEqual(['medical', 'hardship']);
    expect(d.parts[1]).toMatchObject({ kind: 'case', need: 'hardship', needLabel: '特困人员救助供养', department: 'civil_affairs', caseNo: r.parts[1]?.caseNo });
    const c = (await call('GET', `/cases/${r.parts[1]?.caseNo ?? ''}`, guanghui)).json() as { programme: string; state: string };
    expect(c).toMatchObject({ programme: 'hardship', state: 'accepted' });
  });

  it('refuses a programme the registry does not know naming parts.N.programme, and details a programme does not ask naming parts.N.details; nothing is created', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const person = { householdNo, idNumber: headId };
    const count = async () => Number((await db.kysely.selectFrom('intake_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const referral = { kind: 'referral', department: 'education', need: 'education' };
    const unknown = await call('POST', '/intake/requests', guanghui, { channel: 'window', receivedOn: '2016-06-04', person, assessment, parts: [referral, { kind: 'case', programme: 'nursing' }] });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).details.fields?.[0]?.field).toBe('parts.1.programme');
    expect(errorOf(unknown).message).toContain('最低生活保障');
    const blank = await call('POST', '/intake/requests', guanghui, { channel: 'window', receivedOn: '2016-06-04', person, assessment, parts: [{ kind: 'case', programme: ' ' }] });
    expect(errorOf(blank).details.fields?.[0]?.field).toBe('parts.0.programme');
    // 低保 asks nothing when it opens: details for it are refused in the part, after the referral was written.
    const asked = await call('POST', '/intake/requests', guanghui, { channel: 'window', receivedOn: '2016-06-04', person, assessment, parts: [referral, { kind: 'case', programme: 'dibao', details: { urgent: true } }] });
    expect(asked.statusCode).toBe(400);
    expect(errorOf(asked).details.fields?.[0]?.field).toBe('parts.1.details');
    expect(errorOf(asked).message).toMatch(/^parts\.1\.details: /);
    expect(await count()).toBe(before);
    const cases = await db.kysely.selectFrom('cases').innerJoin('households', (j) => j.onRef('households.county_code', '=', 'cases.county_code').onRef('households.id', '=', 'cases.household_id'))
      .select('cases.case_no').where('households.household_no', '=', householdNo).execute();
    expect(cases).toEqual([]);
  });

  it('opens a programme added to the registry later with its own opening details; refuses one the window may not open', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const person = { householdNo, idNumber: headId };
    const count = async () => Number((await db.kysely.selectFrom('intake_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const referral = { kind: 'referral', department: 'education', need: 'education' };
    const refused = async (parts: object[]) => {
      const res = await call('POST', '/intake/requests', guanghui, { channel: 'window', receivedOn: '2016-06-05', person, assessment, parts });
      expect(res.statusCode).toBe(400);
      return errorOf(res);
    };
    const closed = await refused([{ kind: 'case', programme: 'later_closed' }]);
    expect(closed.details.fields?.[0]).toMatchObject({ field: 'parts.0.programme', message: expect.stringContaining('窗口不受理的项目不在受理窗口受理') });
    expect(closed.message).not.toContain('later_closed 窗口不受理的项目');
    // Its opening questions, named in the part: one missing, one out of range.
    expect((await refused([referral, { kind: 'case', programme: 'later_claim' }])).details.fields?.[0]?.field).toBe('parts.1.details.kind');
    const months = await refused([referral, { kind: 'case', programme: 'later_claim', details: { kind: 'emergency', months: 13 } }]);
    expect(months.details.fields?.map((f) => f.field)).toEqual(['parts.1.details.months']);
    expect(months.message).toMatch(/^parts\.1\.details\.months: /);
    expect(await count()).toBe(before);

    const r = await submit(guanghui, { channel: 'window', receivedOn: '2016-06-05', person, assessment, parts: [referral, { kind: 'case', programme: 'later_claim', details: { kind: 'emergency', urgent: true, months: 3, method: 'cash' } }] });
    const caseNo = r.parts[1]?.caseNo ?? '';
    expect(caseNo).toMatch(/^LT522701\d{10}$/);
    const d = (await call('GET', `/intake/requests/${r.requestNo}`, guanghui)).json() as RequestDetail & { parts: (Part & { needLabel: string })[] };
    expect(d.parts[1]).toMatchObject({ kind: 'case', need: 'later_claim', needLabel: '试办临时救助', caseNo });
    const c = (await call('GET', `/cases/${caseNo}`, guanghui)).json() as { programme: string; timeline: { action: string; data: { details?: object } }[] };
    expect(c.programme).toBe('later_claim');
    expect(c.timeline[0]?.data.details).toEqual({ kind: 'emergency', urgent: true, months: 3, method: 'cash' });
  });

  it('opens a 临时救助 claim at the window with its questions; paid first, the part is closed that day', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const details = { kind: 'emergency', urgent: true, months: 1, method: 'cash', source: 'village_report', hardship: '房屋失火，口粮烧毁' };
    const r = await submit(guanghui, { channel: 'village', receivedOn: '2016-06-06', person: { householdNo, idNumber: headId }, assessment, parts: [{ kind: 'case', programme: 'temporary', details }] });
    const caseNo = r.parts[0]?.caseNo ?? '';
    expect(caseNo).toMatch(/^LS522701\d{10}$/);
    const paid = await call('POST', `/cases/${caseNo}/transitions`, guanghui, { action: 'grant_first', date: '2016-06-06', data: {} });
    expect(paid.statusCode, paid.body).toBe(200);
    const d = (await call('GET', `/intake/requests/${r.requestNo}`, guanghui)).json() as RequestDetail & { completed: boolean; parts: (Part & { needLabel: string; closedOn: string | null })[] };
    expect(d.parts[0]).toMatchObject({ kind: 'case', need: 'temporary', needLabel: '临时救助', caseNo, closed: true, closedOn: '2016-06-06' });
    expect(d.completed).toBe(true);
  });

  it('creates nothing when one part is refused (one transaction)', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    await submit(guanghui, { channel: 'window', receivedOn: '2016-06-01', person: { householdNo, idNumber: headId }, assessment, parts: [{ kind: 'case', programme: 'dibao' }] });
    const before = await db.kysely.selectFrom('intake_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // A second dibao case of the same household is refused by the cases service after the referral was written.
    const res = await call('POST', '/intake/requests', guanghui, { channel: 'window', receivedOn: '2016-06-02', person: { householdNo, idNumber: headId }, assessment, parts: [{ kind: 'referral', department: 'education', need: 'education' }, { kind: 'case', programme: 'dibao' }] });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('case_open');
    const after = await db.kysely.selectFrom('intake_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('records an unregistered person by name, ID number and phone; a case for them is refused naming the part', async () => {
    const person = { name: '杨过路', idNumber: idNumber('1988-02-02'), phone: '13900002222' };
    const refused = await call('POST', '/intake/requests', guanghui, { channel: 'phone', receivedOn: '2016-06-03', person, assessment, parts: [{ kind: 'case', programme: 'dibao' }] });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details.fields?.[0]?.field).toBe('parts.0.kind');
    const r = await submit(guanghui, { channel: 'phone', receivedOn: '2016-06-03', person, assessment, parts: [{ kind: 'referral', department: 'human_resources', need: 'employment' }] });
    expect((await detail(r.requestNo)).parts[0]).toMatchObject({ department: 'human_resources', status: 'referred' });
    const bad = await call('POST', '/intake/requests', guanghui, { channel: 'window', person, assessment: { ...assessment, workCapacity: 'some' }, parts: [{ kind: 'referral', department: 'housing', need: 'housing' }] });
    expect(errorOf(bad).details.fields?.[0]?.field).toBe('assessment.workCapacity');
    const nowhere = await call('POST', '/intake/requests', guanghui, { windowAreaCode: '522701001999', channel: 'window', person, assessment, parts: [{ kind: 'referral', department: 'housing', need: 'housing' }] });
    expect(errorOf(nowhere).details.fields?.[0]?.field).toBe('windowAreaCode');
  });

  it('shows a partner only the referrals of their department and area', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const r = await submit(guanghui, { channel: 'window', receivedOn: '2016-07-01', person: { householdNo, idNumber: headId }, assessment, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }, { kind: 'referral', department: 'education', need: 'education' }] });
    const [m, e] = r.parts.map((p) => p.referralId as number) as [number, number];
    const board = (await call('GET', '/intake/referrals?limit=200', education)).json() as { items: Part[] };
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.items.every((p) => p.department === 'education')).toBe(true);
    expect(board.items.map((p) => p.id)).toContain(e);
    expect(board.items.map((p) => p.id)).not.toContain(m);
    // Another department's referral answers exactly as one that does not exist.
    const other = await call('GET', `/intake/referrals/${m}`, education);
    const none = await call('GET', '/intake/referrals/999999', education);
    expect(other.statusCode).toBe(404);
    expect(other.body.replaceAll(String(m), 'N')).toBe(none.body.replaceAll('999999', 'N'));
    expect((await call('POST', `/intake/referrals/${m}/accept`, education, {})).statusCode).toBe(404);
    // Same department, other county: nothing.
    expect((await call('GET', `/intake/referrals/${m}`, fuquanMedical)).statusCode).toBe(404);
    expect(((await call('GET', '/intake/referrals', fuquanMedical)).json() as { items: Part[] }).items).toEqual([]);
    // Partners do not read whole requests; the window sees every part.
    expect((await call('GET', `/intake/requests/${r.requestNo}`, medical)).statusCode).toBe(403);
    expect((await detail(r.requestNo)).parts).toHaveLength(2);
    // Another township's window sees neither.
    expect((await call('GET', `/intake/requests/${r.requestNo}`, wenfeng)).statusCode).toBe(404);
    expect((await call('GET', `/intake/referrals/${e}`, wenfeng)).statusCode).toBe(404);
    // The window does not handle referrals.
    expect((await call('POST', `/intake/referrals/${e}/accept`, guanghui, {})).statusCode).toBe(403);
  });

  it('shows the partner the request\'s situation and needs assessment with its referral, and audits the partner\'s reading', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const r = await submit(guanghui, { channel: 'window', receivedOn: '2016-07-02', person: { householdNo, idNumber: headId }, description: '户主肾衰竭透析，妻子务农，孩子读高中', assessment: { ...assessment, healthNote: '每周透析三次', note: '急需医疗救助' }, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }] });
    const id = r.parts[0]?.referralId as number;
    type Referral = { description: string; assessment: { householdSize: number; workCapacity: string; seriousIllness: boolean; healthNote: string; note: string; rigidExpenses: { kind: string; amountFen: number }[] } };
    const seen = (await call('GET', `/intake/referrals/${id}`, medical)).json() as Referral;
    expect(seen.description).toBe('户主肾衰竭透析，妻子务农，孩子读高中');
    expect(seen.assessment).toMatchObject({ householdSize: 2, workCapacity: 'partial', seriousIllness: true, healthNote: '每周透析三次', note: '急需医疗救助', rigidExpenses: [{ kind: 'medical', amountFen: 1_200_000 }] });
    // The partner's reading is in the audit log; the window's own is not (it recorded the request).
    await call('GET', `/intake/referrals/${id}`, guanghui);
    const admin = await tokenFor(built, 'qiannan.admin');
    const audit = (await call('GET', '/audit?limit=500', admin)).json() as { items: { action: string; entityId: string; actorName?: string }[] };
    expect(audit.items.filter((a) => a.action === 'intake.referral.view' && a.entityId === String(id))).toHaveLength(1);
    // Another county's partner of the same department: nothing.
    expect((await call('GET', `/intake/referrals/${id}`, fuquanMedical)).statusCode).toBe(404);
  });

  it('counts overdue in working days on the holiday calendar (国庆 2015)', async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const r = await submit(guanghui, { channel: 'window', receivedOn: '2015-09-30', person: { householdNo, idNumber: headId }, assessment, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }] });
    const id = r.parts[0]?.referralId as number;
    // 5 working days after 30 Sep: 8, 9, 10 (Saturday worked, 调休), 12, 13 October.
    expect(r.parts[0]?.dueDate).toBe('2015-10-13');
    const on = async (asOf: string) => ((await call('GET', `/intake/overdue?asOf=${asOf}&limit=500`, guanghui)).json() as { items: Part[] }).items.find((p) => p.id === id);
    expect(await on('2015-10-08')).toBeUndefined();
    expect(await on('2015-10-13')).toBeUndefined();
    expect(await on('2015-10-14')).toMatchObject({ overdue: true, workingDaysOverdue: 1 });
    expect(await on('2015-10-19')).toMatchObject({ workingDaysOverdue: 4 });
    // The partner sees it in their own overdue list too; closing it late removes it from later lists.
    expect(((await call('GET', '/intake/overdue?asOf=2015-10-19&limit=500', medical)).json() as { items: Part[] }).items.map((p) => p.id)).toContain(id);
    await close(medical, id, '2015-10-15', '2015-10-20');
    expect(await on('2015-10-19')).toMatchObject({ workingDaysOverdue: 4 });
    expect(await on('2015-10-21')).toBeUndefined();
  });

  it('figures on a hand-built set equal the hand counts', async () => {
    const hh = async () => makeHousehold(built, wenfeng, '522701002001');
    const a = await hh();
    const b = await hh();
    const c = await hh();
    const person = (x: { householdNo: string; headId: string }) => ({ householdNo: x.householdNo, idNumber: x.headId });
    // R1: medical (due 03-08) closed 03-07, education (due 03-15) closed 03-10 → completed on time.
    const r1 = await submit(wenfeng, { channel: 'window', receivedOn: '2016-03-01', person: person(a), assessment, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }, { kind: 'referral', department: 'education', need: 'education' }] });
    // R2: medical (due 03-09) closed 03-21 → completed late.
    const r2 = await submit(wenfeng, { channel: 'phone', receivedOn: '2016-03-02', person: person(b), assessment, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }] });
    // R3: housing (due 03-24) still open on 06-30 → overdue.
    const r3 = await submit(wenfeng, { channel: 'online', receivedOn: '2016-03-03', person: person(c), assessment, parts: [{ kind: 'referral', department: 'housing', need: 'housing' }] });
    // R4: outside the period.
    await submit(wenfeng, { channel: 'window', receivedOn: '2016-05-01', person: person(a), assessment, parts: [{ kind: 'referral', department: 'housing', need: 'housing' }] });
    const id = (r: typeof r1, i: number) => r.parts[i]?.referralId as number;
    await close(medical, id(r1, 0), '2016-03-02', '2016-03-07');
    await close(education, id(r1, 1), '2016-03-02', '2016-03-10');
    await close(medical, id(r2, 0), '2016-03-03', '2016-03-21');
    await ok(housing, `/intake/referrals/${id(r3, 0)}/accept`, { date: '2016-03-04' });
    await ok(housing, `/intake/referrals/${id(r3, 0)}/actions`, { date: '2016-03-10', note: '已派员查看房屋' });

    const res = await call('GET', '/intake/figures?area=522701002&from=2016-03-01&to=2016-03-31&asOf=2016-06-30', wenfeng);
    expect(res.statusCode).toBe(200);
    const f = res.json() as { total: object; byTownship: object[]; byDepartment: object[]; byNeed: object[] };
    expect(f.total).toEqual({ received: 3, completed: 2, completedOnTime: 1, overdue: 1 });
    expect(f.byTownship).toEqual([{ key: '522701002', received: 3, completed: 2, completedOnTime: 1, overdue: 1 }]);
    expect(f.byDepartment).toEqual([
      { key: 'education', received: 1, completed: 1, completedOnTime: 1, overdue: 0 },
      { key: 'housing', received: 1, completed: 0, completedOnTime: 0, overdue: 1 },
      { key: 'medical_security', received: 2, completed: 2, completedOnTime: 1, overdue: 0 },
    ]);
    expect(f.byNeed).toEqual([
      { key: 'education', received: 1, completed: 1, completedOnTime: 1, overdue: 0 },
      { key: 'housing', received: 1, completed: 0, completedOnTime: 0, overdue: 1 },
      { key: 'medical', received: 2, completed: 2, completedOnTime: 1, overdue: 0 },
    ]);
    // As of 03-15: R1's education part was closed, R2 open past its due date (03-09), R3 open within its limit.
    const mid = (await call('GET', '/intake/figures?area=522701002&from=2016-03-01&to=2016-03-31&asOf=2016-03-15', wenfeng)).json() as { total: object };
    expect(mid.total).toEqual({ received: 3, completed: 1, completedOnTime: 1, overdue: 1 });
    // Out of scope for another township's window: nothing counted.
    const other = (await call('GET', '/intake/figures?from=2016-03-01&to=2016-03-31&asOf=2016-06-30', guanghui)).json() as { total: { received: number } };
    expect(other.total.received).toBe(0);
  });
});
