import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { errorOf, testApp, tokenFor } from '../../test/http.ts';
import { approvedDibao, caller, makeHousehold, stepper, verification, visit } from '../cases/testing.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { fixedClock, todayInChina, useClock, type Clock } from '../../kernel/clock.ts';

describe(`complaints (举报) (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let call: ReturnType<typeof caller>;
  let guanghui: string;
  let wenfeng: string;
  let duyun: string;
  let auditor: string;

  // The day the file runs on, whatever the wall clock says (deadlines and overdue marks count from it).
  let wallClock: Clock;
  beforeAll(async () => {
    wallClock = useClock(fixedClock('2026-06-15'));
    db = await testDatabase();
    built = await testApp(db);
    call = caller(built);
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    duyun = await tokenFor(built, 'duyun.approver');
    auditor = await tokenFor(built, 'qiannan.auditor');
  });
  afterAll(async () => {
    useClock(wallClock);
    await built.app.close();
    await db.close();
  });

  const post = async (token: string, url: string, body: object, status = 200) => {
    const res = await call('POST', url, token, body);
    if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };
  const openCase = async () => {
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001');
    const c = await post(guanghui, '/cases', { programme: 'dibao', householdNo, applicantIdNumber: headId, appliedOn: '2016-03-01' }, 201);
    return c.caseNo as string;
  };

  it('finds a complaint\'s subject by name, ID number or address among the current cases in scope; another township finds nothing', async () => {
    const spouse = idNumber('1979-01-02', 'female');
    const members = [memberInput({ idNumber: idNumber('1978-05-06', 'male'), name: '杜举查' }), memberInput({ idNumber: spouse, name: '龙配偶', relation: 'spouse' })];
    const { householdNo, headId } = await makeHousehold(built, guanghui, '522701001001', { members });
    const caseNo = (await post(guanghui, '/cases', { programme: 'dibao', householdNo, applicantIdNumber: headId, appliedOn: '2016-03-01' }, 201)).caseNo as string;
    type Hits = { items: { caseNo: string; applicantName: string; applicantIdNumber: string; householdNo: string; villageName: string; address: string; programmeLabel: string; stateLabel: string }[] };
    const search = async (token: string, q: string) => (await post(token, '/complaints/subjects', { q })) as unknown as Hits;
    // The applicant's name (its start), a member's name, a member's ID number (a lower-case x as well), part of the address.
    for (const q of ['杜举', '龙配偶', spouse.toLowerCase(), '广惠路88号附']) {
      expect((await search(guanghui, q)).items.map((h) => h.caseNo), q).toContain(caseNo);
    }
    const hit = (await search(guanghui, '杜举查')).items.find((h) => h.caseNo === caseNo);
    expect(hit).toMatchObject({ applicantName: '杜举查', applicantIdNumber: `${headId.slice(0, 6)}********${headId.slice(14)}`, householdNo, villageName: '广惠社区居民委员会', address: '广惠路88号附2号', programmeLabel: '最低生活保障' });
    // The county finds it too; the next township finds nothing, nor does a name no one has.
    expect((await search(duyun, '杜举查')).items.map((h) => h.caseNo)).toContain(caseNo);
    expect((await search(wenfeng, '杜举查')).items).toEqual([]);
    expect((await search(wenfeng, spouse)).items).toEqual([]);
    expect((await search(guanghui, '无此人名')).items).toEqual([]);
    // Too short: refused at the field; the auditor registers no complaints.
    const short = await call('POST', '/complaints/subjects', guanghui, { q: '杜' });
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).details.fields?.[0]?.field).toBe('q');
    expect((await call('POST', '/complaints/subjects', auditor, { q: '杜举查' })).statusCode).toBe(403);
  });

  it('closes a named complaint only after feedback to the complainant is recorded', async () => {
    const c = await post(duyun, '/complaints', { channel: 'hotline_12349', anonymous: false, complainant: { name: '王举报', phone: '13800001234' }, subject: { kind: 'staff', areaCode: '522701001', name: '某经办员' }, category: 'favouritism', content: '经办员为亲属办理人情保', receivedOn: '2016-03-20' }, 201);
    const no = c.complaintNo as string;
    expect(no).toMatch(/^JB522701/);
    await post(duyun, `/complaints/${no}/assign`, { assignee: '县民政局监察室', date: '2016-03-21' });
    const early = await call('POST', `/complaints/${no}/close`, duyun, {});
    expect(early.statusCode).toBe(409);
    await post(duyun, `/complaints/${no}/conclude`, { conclusion: 'unsubstantiated', finding: '经查该户符合条件，不存在人情保', date: '2016-03-30' });
    const refused = await call('POST', `/complaints/${no}/close`, duyun, {});
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('feedback_required');
    await post(duyun, `/complaints/${no}/feedback`, { date: '2016-04-01', channel: 'phone', content: '已电话告知举报人调查结果' });
    expect((await post(duyun, `/complaints/${no}/close`, {})).status).toBe('closed');
    const d = (await call('GET', `/complaints/${no}`, auditor)).json() as { status: string; feedback: { channel: string }[]; complainantPhone: string };
    expect(d.status).toBe('closed');
    expect(d.feedback).toEqual([expect.objectContaining({ channel: 'phone', date: '2016-04-01' })]);
    expect(d.complainantPhone).not.toContain('13800001234');
    const closed = (await call('GET', '/complaints?status=closed', duyun)).json() as { items: { complaintNo: string }[] };
    expect(closed.items.map((x) => x.complaintNo)).toContain(no);
    expect(((await call('GET', '/complaints', wenfeng)).json() as { items: { complaintNo: string }[] }).items.map((x) => x.complaintNo)).not.toContain(no);
    // A named complaint needs the complainant's name.
    const unnamed = await call('POST', '/complaints', duyun, { channel: 'window', anonymous: false, subject: { kind: 'staff', areaCode: '522701001', name: '某' }, category: 'other', content: '无名举报' });
    expect(errorOf(unnamed).details.fields?.[0]?.field).toBe('complainant.name');
  });

  it('an anonymous complaint closes without feedback', async () => {
    const no = (await post(guanghui, '/complaints', { channel: 'online', anonymous: true, subject: { kind: 'staff', areaCode: '522701001', name: '某村干部' }, category: 'misconduct', content: '村干部态度恶劣' }, 201)).complaintNo as string;
    await post(guanghui, `/complaints/${no}/assign`, { assignee: '街道纪工委' });
    await post(guanghui, `/complaints/${no}/conclude`, { conclusion: 'partly_substantiated', finding: '已批评教育' });
    expect((await post(guanghui, `/complaints/${no}/close`, {})).status).toBe('closed');
    expect((await call('GET', `/complaints/${no}`, wenfeng)).statusCode).toBe(404);
  });

  it('flags a pending case "under complaint" through the cases engine', async () => {
    const caseNo = await openCase();
    const c = await post(guanghui, '/complaints', { channel: 'hotline_12349', anonymous: true, subject: { kind: 'recipient', caseNo }, category: 'fraud', content: '隐瞒家庭收入，有车辆' }, 201);
    expect(c.caseFlagged).toBe(true);
    const detail = (await call('GET', `/cases/${caseNo}`, guanghui)).json() as { flags: string[]; timeline: { action: string }[] };
    expect(detail.flags).toContain('complaint');
    expect(detail.timeline.map((t) => t.action)).toContain('record_complaint');
  });

  // The flag's step is dated the day the complaint was received, not the day it is typed in; a complaint older
  // than the case's last step is dated that step (the timeline runs forward).
  const flagDates: [string, string, string][] = [
    ['received 2016-03-10', '2016-03-10', '2016-03-10'],
    ['received before the application (2016-03-01)', '2016-02-20', '2016-03-01'],
  ];
  for (const [what, receivedOn, flaggedOn] of flagDates) {
    it(`flags the case on the complaint's received date: ${what} → ${flaggedOn}`, async () => {
      const caseNo = await openCase();
      await post(guanghui, '/complaints', { channel: 'window', anonymous: true, subject: { kind: 'recipient', caseNo }, category: 'fraud', content: '隐瞒收入', receivedOn }, 201);
      const detail = (await call('GET', `/cases/${caseNo}`, guanghui)).json() as { timeline: { action: string; date: string }[] };
      expect(detail.timeline.find((t) => t.action === 'record_complaint')?.date).toBe(flaggedOn);
    });
  }

  it('flags an approved recipient for a county visit before the next review decision (audited, same transaction)', async () => {
    const { caseNo } = await approvedDibao(built, { township: guanghui, county: duyun });
    const s = stepper(built);
    // A complaint about the case's handling does not flag a granted case; one about the recipient does.
    const aboutCase = await post(guanghui, '/complaints', { channel: 'window', anonymous: true, subject: { kind: 'case', caseNo }, category: 'other', content: '审批拖延' }, 201);
    expect(aboutCase.caseFlagged).toBe(false);
    const before = (await call('GET', `/cases/${caseNo}`, guanghui)).json() as { flags: string[] };
    expect(before.flags).not.toContain('complaint');
    const c = await post(guanghui, '/complaints', { channel: 'hotline_12349', anonymous: true, subject: { kind: 'recipient', caseNo }, category: 'fraud', content: '在保期间家庭成员有稳定工资收入' }, 201);
    expect(c.caseFlagged).toBe(true);
    const detail = (await call('GET', `/cases/${caseNo}`, duyun)).json() as { state: string; flags: string[]; timeline: { action: string; fromState: string }[] };
    expect(detail.state).toBe('approved');
    expect(detail.flags).toContain('complaint');
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'record_complaint', fromState: 'approved' });
    // The past spot check stays as it was drawn.
    const member = await db.kysely.selectFrom('case_batch_members as m').innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'm.county_code').onRef('c.id', '=', 'm.case_id')).select(['m.flagged']).where('c.case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(member.flagged).toBe(false);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_id', 'in', [caseNo, c.complaintNo as string]).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.record_complaint', 'complaint.receive']));
    // The next review: no decision before a county home visit.
    await s.step(guanghui, caseNo, 'start_review', { data: { trigger: 'complaint' } });
    await s.step(guanghui, caseNo, 'review_income_check', { data: verification('2023-01-01').data });
    const refused = await s.refused(duyun, caseNo, 'continue', { data: { stability: 'stable' } });
    expect(refused).toMatchObject({ status: 409, code: 'county_visit_required' });
    const today = todayInChina();
    await s.step(duyun, caseNo, 'county_visit', visit(today, ['张县审', '赵县核']));
    expect((await s.step(duyun, caseNo, 'continue', { data: { stability: 'stable' } })).state).toBe('approved');
  });

  it('records a fraud recovery with the fine multiple between 1 and 3', async () => {
    const caseNo = await openCase();
    const no = (await post(duyun, '/complaints', { channel: 'window', anonymous: false, complainant: { name: '李某' }, subject: { kind: 'recipient', caseNo }, category: 'fraud', content: '骗取低保金' }, 201)).complaintNo as string;
    const early = await call('POST', `/complaints/${no}/recoveries`, duyun, { obtainedFen: 360_000, recoveredFen: 0, fineMultiple: 2, decidedOn: '2016-05-01' });
    expect(errorOf(early).code).toBe('not_substantiated');
    await post(duyun, `/complaints/${no}/assign`, { assignee: '县民政局' });
    await post(duyun, `/complaints/${no}/conclude`, { conclusion: 'substantiated', finding: '查实隐瞒经营收入' });
    for (const fineMultiple of [3.5, 0.5]) {
      const res = await call('POST', `/complaints/${no}/recoveries`, duyun, { obtainedFen: 360_000, recoveredFen: 100_000, fineMultiple, decidedOn: '2016-05-01' });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).details.fields?.[0]?.field).toBe('fineMultiple');
    }
    const r = await post(duyun, `/complaints/${no}/recoveries`, { obtainedFen: 360_000, recoveredFen: 100_000, fineMultiple: 1.5, decidedOn: '2016-05-01' }, 200);
    expect(r).toMatchObject({ caseNo, fineFen: 540_000 });
    const rows = await db.kysely.selectFrom('fraud_recoveries').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ obtained_fen: 360_000, recovered_fen: 100_000, fine_fen: 540_000 });
  });
});
