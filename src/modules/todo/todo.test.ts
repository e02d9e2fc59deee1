// 待办 per role: each user's counts come from their own area and permissions; a kind of work they may not do has no card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';
import { makeHousehold, stepper, verification, visit } from '../cases/testing.ts';
import type { TodoResult } from './contract.ts';
import { fixedClock, todayInChina, useClock, type Clock } from '../../kernel/clock.ts';

const GUANGHUI = '522701001001';
const FUQUAN = '522702001001';

describe(`待办 per role (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let s: ReturnType<typeof stepper>;
  const tokens: Record<string, string> = {};
  const made: Record<string, string> = {};
  let births = 0;

  /** A household of one in `village` and a 低保 case for it, applied on `appliedOn`. */
  const open = async (token: string, village: string, name: string, appliedOn: string) => {
    births += 1;
    const id = idNumber(`1960-01-${String(births).padStart(2, '0')}`, 'male', village.slice(0, 6));
    const h = await s.call('POST', '/households', token, householdInput(village, [memberInput({ idNumber: id, name })]));
    if (h.statusCode !== 201) throw new Error(h.body);
    const householdNo = (h.json() as { householdNo: string }).householdNo;
    const c = await s.call('POST', '/cases', token, { programme: 'dibao', householdNo, applicantIdNumber: id, appliedOn });
    if (c.statusCode !== 201) throw new Error(c.body);
    return (c.json() as { caseNo: string }).caseNo;
  };
  const todo = async (who: string) => {
    const res = await s.call('GET', '/me/todo', tokens[who]!);
    expect(res.statusCode).toBe(200);
    return res.json() as TodoResult;
  };
  const kinds = (r: TodoResult) => [...new Set(r.cards.map((c) => c.kind))].sort();

  // The day the file runs on, whatever the wall clock says (deadlines and overdue marks count from it).
  let wallClock: Clock;
  beforeAll(async () => {
    wallClock = useClock(fixedClock('2026-06-15'));
    db = await testDatabase();
    built = await testApp(db);
    s = stepper(built);
    for (const u of ['guanghui.caseworker', 'wenfeng.caseworker', 'guanghui.clerk', 'duyun.approver', 'qiannan.admin', 'duyun.medical']) tokens[u] = await tokenFor(built, u);
    for (const [username, role, areaCode] of [['fuquan.todo', 'township_caseworker', '522702001'], ['fuquan.county', 'county_approver', '522702']] as const) {
      const u = await s.call('POST', '/users', tokens['qiannan.admin']!, { username, displayName: '福泉经办', password: STRONG_PASSWORD, role, areaCode });
      if (u.statusCode !== 201) throw new Error(u.body);
      tokens[username] = await tokenFor(built, username, STRONG_PASSWORD);
    }
    const today = todayInChina();
    const g = tokens['guanghui.caseworker']!;
    made.old = await open(g, GUANGHUI, '待办甲', '2026-01-05');
    made.fresh = await open(g, GUANGHUI, '待办乙', today);
    // One case carried to the county (its deadlines long past).
    made.county = await open(g, GUANGHUI, '待办丙', '2023-03-01');
    await s.step(g, made.county, 'home_visit', visit('2023-03-03'));
    await s.step(g, made.county, 'verify_economic_status', verification('2023-03-06'));
    await s.step(g, made.county, 'township_review', { date: '2023-03-08' });
    await s.step(g, made.county, 'submit_to_county', { date: '2023-03-16' });
    made.fuquan = await open(tokens['fuquan.todo']!, FUQUAN, '福泉丁', '2026-01-05');
    // A complaint about 广惠街道, open: the township and the county count it, 文峰 and 福泉 do not.
    const c = await s.call('POST', '/complaints', tokens['duyun.approver']!, { channel: 'window', anonymous: true, subject: { kind: 'staff', areaCode: '522701001', name: '某经办员' }, category: 'misconduct', content: '待办测试举报' });
    if (c.statusCode !== 201) throw new Error(c.body);
    // A referral to medical security made long ago and not handled: the partner's, overdue.
    const h = await makeHousehold(built, g, GUANGHUI);
    const assessment = { householdSize: 2, workCapacity: 'partial', seriousIllness: true, rigidExpenses: [{ kind: 'medical', amountFen: 1_200_000 }] };
    const r = await s.call('POST', '/intake/requests', g, { channel: 'window', receivedOn: '2016-05-03', person: { householdNo: h.householdNo, idNumber: h.headId }, assessment, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }] });
    if (r.statusCode !== 201) throw new Error(r.body);
    made.request = (r.json() as { requestNo: string }).requestNo;
  });
  afterAll(async () => {
    useClock(wallClock);
    await built.app.close();
    await db.close();
  });

  it('gives the township its cases by programme and state, the overdue one with its area path, and the window work it may do', async () => {
    const r = await todo('guanghui.caseworker');
    expect(r.cards.filter((c) => c.kind === 'case_state')).toEqual([
      { kind: 'case_state', programme: 'dibao', state: 'accepted', label: '低保 · 已受理', count: 2, overdue: 1, link: '/cases?programme=dibao&state=accepted' },
    ]);
    expect(kinds(r)).toEqual(['case_state', 'complaints', 'outreach_tasks', 'pending_registration']);
    expect(r.overdue).toEqual([expect.objectContaining({
      kind: 'case', ref: made.old, label: '低保 · 已受理', name: '待办甲', link: `/cases/${made.old}`,
      areaPath: ['黔南布依族苗族自治州', '都匀市', '广惠街道', '广惠社区居民委员会'],
    })]);
    expect(r.overdue[0]!.daysOverdue).toBeGreaterThan(0);
    expect(r.overdue[0]!.due < r.asOf).toBe(true);
    expect(r.overdueTotal).toBe(1);
    expect(r.cards.find((x) => x.kind === 'complaints')).toMatchObject({ count: 1, link: '/intake/complaints' });
  });

  it('gives another township of the county none of those cases, and a township of another county only its own', async () => {
    const wenfeng = await todo('wenfeng.caseworker');
    expect(wenfeng.cards.filter((c) => c.kind === 'case_state')).toEqual([]);
    expect(wenfeng.overdue).toEqual([]);
    expect(wenfeng.cards.find((x) => x.kind === 'complaints')?.count).toBe(0);
    const fuquan = await todo('fuquan.todo');
    expect(fuquan.cards.filter((c) => c.kind === 'case_state').map((c) => [c.state, c.count])).toEqual([['accepted', 1]]);
    expect(fuquan.overdue.map((i) => i.ref)).toEqual([made.fuquan]);
  });

  it('gives the county the case waiting for it and its payrolls to approve, not the window work; another county nothing of it', async () => {
    const r = await todo('duyun.approver');
    expect(r.cards.filter((c) => c.kind === 'case_state')).toEqual([
      expect.objectContaining({ programme: 'dibao', state: 'county_review', count: 1, overdue: 1, link: '/cases?programme=dibao&state=county_review' }),
    ]);
    expect(kinds(r)).toEqual(['case_state', 'complaints', 'payroll_approval']);
    expect(r.overdue.map((i) => [i.ref, i.areaPath.at(-1)])).toEqual([[made.county, '广惠社区居民委员会']]);
    const other = await todo('fuquan.county');
    expect(r.cards.find((x) => x.kind === 'complaints')?.count).toBe(1);
    expect(kinds(other)).toEqual(['complaints', 'payroll_approval']);
    expect(other.cards.map((x) => x.count)).toEqual([0, 0]);
    expect(other.overdue).toEqual([]);
  });

  it('gives the village clerk its visits and registrations only, the partner its referrals only, the prefecture no work', async () => {
    expect(kinds(await todo('guanghui.clerk'))).toEqual(['outreach_tasks', 'pending_registration']);
    const partner = await todo('duyun.medical');
    expect(partner.cards).toEqual([{ kind: 'referrals', programme: null, state: null, label: '待办转办事项', count: 1, overdue: 1, link: '/intake/referrals' }]);
    expect(partner.overdue).toEqual([expect.objectContaining({ kind: 'referral', ref: made.request, areaPath: ['黔南布依族苗族自治州', '都匀市', '广惠街道', '广惠社区居民委员会'] })]);
    expect(partner.overdue[0]!.label).toMatch(/医疗/);
    expect(partner.overdueTotal).toBe(1);
    expect(await todo('qiannan.admin')).toMatchObject({ cards: [], overdue: [], overdueTotal: 0 });
  });
});
