import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { addWorkingDays } from '../../policy/index.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { testApp, tokenFor } from '../../test/http.ts';
import { drawSample } from './domain/spot-check.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { approvedDibao, docxText, makeHousehold, stepper, verification, visit } from './testing.ts';

interface Detail {
  state: string; ruleSet: string; dueDate: string | null; finalDueDate: string | null; noticeEnd: string | null; reviewDue: string | null; overdue: boolean; flags: string[];
  timeline: { action: string; actorName: string; actorRole: string; date: string; data: Record<string, unknown> }[];
  decisions: { kind: string; amountFen: number | null; effectiveMonth: string | null; endMonth: string | null; reason: string | null; notifyBy: string | null; explanation: { formula: string; steps: { name: string }[] } }[];
  nextActions: { action: string; allowed: boolean; blockedCode: string | null; dataSchema: unknown; effect: string | null }[];
  batch: { batchNo: string; sampled: boolean } | null;
}

describe(`低保 cases through both rule sets (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let guanghui: string;
  let wenfeng: string;
  let duyun: string;
  let auditor: string;
  let s: ReturnType<typeof stepper>;
  const detail = async (caseNo: string, token = guanghui) => (await s.call('GET', `/cases/${caseNo}`, token)).json() as Detail;

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    s = stepper(built);
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    duyun = await tokenFor(built, 'duyun.approver');
    auditor = await tokenFor(built, 'qiannan.auditor');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const open = async (appliedOn: string, extra: object = {}, wageFen = 30000) => {
    const h = await makeHousehold(built, guanghui, '522701001001', { wageFen });
    const res = await s.call('POST', '/cases', guanghui, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return { ...(res.json() as { caseNo: string; ruleSet: string; dueDate: string; finalDueDate: string | null }), ...h };
  };

  /** Batch the cases, draw the sample, and visit the sampled ones: the county spot check. */
  const spotCheck = async (caseNos: string[], date: string, seed: string) => {
    const b = await s.call('POST', '/cases/batches', duyun, { programme: 'dibao', caseNos, date });
    expect(b.statusCode, b.body).toBe(201);
    const { batchNo } = b.json() as { batchNo: string };
    const drawn = await s.call('POST', `/cases/batches/${batchNo}/sample`, duyun, { seed, date });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const batch = drawn.json() as { ratio: number; seed: string; cases: { caseNo: string; flagged: boolean; sampled: boolean }[] };
    for (const c of batch.cases.filter((x) => x.sampled)) await s.step(duyun, c.caseNo, 'county_visit', visit(date, ['张县审', '赵县核']));
    return { batchNo, batch };
  };

  describe('cn-2012: accepted before 国庆 2015, with community review and a second notice', () => {
    let c: Awaited<ReturnType<typeof open>>;

    it('accepts the application with the rule set of its date and a deadline after the holiday', async () => {
      c = await open('2015-09-30', { cadreRelative: true });
      expect(c.ruleSet).toBe('cn-2012');
      // 10 working days from 30 Sep 2015: 1–7 Oct off, Sat 10 Oct worked (调休) → 20 Oct.
      expect(c.dueDate).toBe('2015-10-20');
      expect(c.dueDate).toBe(addWorkingDays('2015-09-30', 10));
      expect(c.finalDueDate).toBeNull();
      expect(c.caseNo).toMatch(/^DB5227012015\d{6}$/);
      const again = await s.call('POST', '/cases', guanghui, { programme: 'dibao', householdNo: c.householdNo, applicantIdNumber: c.headId, appliedOn: '2015-09-30' });
      expect(again.statusCode).toBe(409);
    });

    it('records a home visit by two staff, refuses one staff, and sets the next deadline', async () => {
      const one = await s.refused(guanghui, c.caseNo, 'home_visit', visit('2015-10-08', ['王明']));
      expect(one).toMatchObject({ status: 400, code: 'home_visit_staff' });
      expect(one.message).toContain('不少于 2 名');
      const r = await s.step(guanghui, c.caseNo, 'home_visit', visit('2015-10-08'));
      expect(r).toMatchObject({ state: 'visited', dueDate: '2015-10-12' });
    });

    it('verifies, then refuses the township review before the community review and a review without quorum', async () => {
      await s.step(guanghui, c.caseNo, 'verify_economic_status', verification('2015-10-09'));
      expect(await s.refused(guanghui, c.caseNo, 'township_review', { date: '2015-10-12' })).toMatchObject({ status: 409, code: 'invalid_transition' });
      const low = await s.refused(guanghui, c.caseNo, 'community_review', { data: { date: '2015-10-12', participants: 30, representativesPresent: 15, votesFor: 25, votesAgainst: 2 } });
      expect(low).toMatchObject({ status: 400, code: 'community_review_quorum' });
      await s.step(guanghui, c.caseNo, 'community_review', { data: { date: '2015-10-12', participants: 30, representativesPresent: 21, votesFor: 25, votesAgainst: 2 } });
    });

    it('posts the notice for 7 days and refuses to go on before it ends', async () => {
      const r = await s.step(guanghui, c.caseNo, 'township_review', { date: '2015-10-13' });
      expect(r).toMatchObject({ state: 'notice', dueDate: '2015-10-20' });
      const early = await s.refused(guanghui, c.caseNo, 'submit_to_county', { date: '2015-10-20' });
      expect(early).toMatchObject({ status: 409, code: 'notice_period_not_ended' });
      expect(early.message).toContain('2015-10-20');
      expect(await s.step(guanghui, c.caseNo, 'submit_to_county', { date: '2015-10-21' })).toMatchObject({ state: 'county_review', dueDate: '2015-10-28' });
    });

    it('refuses a county decision by the wrong role, in the wrong area, and before the spot check', async () => {
      expect(await s.refused(guanghui, c.caseNo, 'county_notice', { date: '2015-10-22' })).toMatchObject({ status: 403, code: 'role_not_allowed' });
      expect(await s.refused(wenfeng, c.caseNo, 'county_notice', { date: '2015-10-22' })).toMatchObject({ status: 404, code: 'not_found' });
      expect(await s.refused(auditor, c.caseNo, 'county_notice', { date: '2015-10-22' })).toMatchObject({ status: 403 });
      expect(await s.refused(duyun, c.caseNo, 'approve', { date: '2015-10-22' })).toMatchObject({ status: 409, code: 'invalid_transition' });
      expect(await s.refused(duyun, c.caseNo, 'county_notice', { date: '2015-10-22' })).toMatchObject({ status: 409, code: 'not_in_batch' });
      const b = await s.call('POST', '/cases/batches', duyun, { programme: 'dibao', caseNos: [c.caseNo], date: '2015-10-22' });
      const { batchNo } = b.json() as { batchNo: string };
      expect(await s.refused(duyun, c.caseNo, 'county_notice', { date: '2015-10-22' })).toMatchObject({ status: 409, code: 'sample_not_drawn' });
      const drawn = (await s.call('POST', `/cases/batches/${batchNo}/sample`, duyun, { seed: 'duyun-2015-10', date: '2015-10-22' })).json() as { cases: { flagged: boolean; sampled: boolean }[] };
      expect(drawn.cases[0]).toMatchObject({ flagged: true, sampled: true });
      expect(await s.refused(duyun, c.caseNo, 'county_notice', { date: '2015-10-22' })).toMatchObject({ status: 409, code: 'county_visit_required' });
      await s.step(duyun, c.caseNo, 'county_visit', visit('2015-10-23', ['张县审', '赵县核']));
    });

    it('runs the second notice, then approves with the amount frozen from the policy engine', async () => {
      // Second notice 7 days to 30 Oct, then the decision within 3 working days → 4 Nov.
      expect(await s.step(duyun, c.caseNo, 'county_notice', { date: '2015-10-23' })).toMatchObject({ state: 'county_notice', dueDate: '2015-11-04' });
      expect((await detail(c.caseNo)).noticeEnd).toBe('2015-10-30');
      expect(await s.refused(duyun, c.caseNo, 'approve', { date: '2015-10-30' })).toMatchObject({ code: 'notice_period_not_ended' });
      expect(await s.step(duyun, c.caseNo, 'approve', { date: '2015-11-02', data: { stability: 'stable' } })).toMatchObject({ state: 'approved' });
      const d = await detail(c.caseNo);
      // 都匀 urban standard 495 yuan; income 300 / 2 persons = 150; (495 − 150) × 2 = 690 yuan.
      expect(d.decisions).toHaveLength(1);
      expect(d.decisions[0]).toMatchObject({ kind: 'approve', amountFen: 69000, effectiveMonth: '2015-12' });
      expect(d.decisions[0]?.explanation.formula).toBe('dibao_benefit');
      expect(d.decisions[0]?.explanation.steps.map((x) => x.name)).toContain('dibao_benefit.total');
      expect(d.reviewDue).toBe('2016-06-01');
      expect(d.timeline.map((t) => t.action)).toEqual(['accept', 'home_visit', 'verify_economic_status', 'community_review', 'township_review', 'submit_to_county', 'county_visit', 'county_notice', 'approve']);
      expect(d.timeline.find((t) => t.action === 'approve')).toMatchObject({ actorName: 'duyun.approver', actorRole: 'county_approver', date: '2015-11-02' });
    });

    it('gives the decision notice as .docx with the amount and appeal rights', async () => {
      const res = await s.call('GET', `/cases/${c.caseNo}/notices/decision.docx`, guanghui);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const text = docxText(res.rawPayload);
      expect(text).toContain('最低生活保障审批决定通知书');
      expect(text).toContain('690.00 元');
      expect(text).toContain('2015年12月起发放');
      expect(text).toContain('行政复议');
      expect(text).toContain('行政诉讼');
      expect(text).toContain('都匀市民政局');
    });

    it('refuses gradual exit where the rule set of the date has none', async () => {
      expect(await s.refused(duyun, c.caseNo, 'gradual_exit', { date: '2015-12-01', reason: '就业收入超过标准', data: { months: 3 } })).toMatchObject({ status: 409, code: 'gradual_exit_not_provided' });
    });
  });

  describe('cn-2021: community review only on objection; batch, spot check, rejection, death, gradual exit', () => {
    const cases: Awaited<ReturnType<typeof open>>[] = [];
    let batchNo = '';

    it('walks four applications to the county without community review', async () => {
      for (let i = 0; i < 4; i++) cases.push(await open('2023-03-01', i === 3 ? { staffRelative: true } : {}));
      const first = cases[0]!;
      expect(first).toMatchObject({ ruleSet: 'cn-2021', dueDate: '2023-03-06', finalDueDate: addWorkingDays('2023-03-01', 30) });
      for (const c of cases) {
        await s.step(guanghui, c.caseNo, 'home_visit', visit('2023-03-03'));
        await s.step(guanghui, c.caseNo, 'verify_economic_status', verification('2023-03-06'));
        expect(await s.step(guanghui, c.caseNo, 'township_review', { date: '2023-03-08' })).toMatchObject({ state: 'notice', dueDate: '2023-03-15' });
      }
      expect(await s.refused(guanghui, first.caseNo, 'community_review', { data: { date: '2023-03-10', participants: 10, representativesPresent: 3, votesFor: 8, votesAgainst: 1 } })).toMatchObject({ status: 409, code: 'no_objection' });
      // An objection on the second case: heard in a community review (no quorum rule in cn-2021) before the county.
      const second = cases[1]!;
      await s.step(guanghui, second.caseNo, 'record_objection', { date: '2023-03-09', data: { content: '邻居反映其有经营收入', source: '村民' } });
      expect(await s.refused(guanghui, second.caseNo, 'submit_to_county', { date: '2023-03-16' })).toMatchObject({ status: 409, code: 'objection_not_reviewed' });
      await s.step(guanghui, second.caseNo, 'community_review', { date: '2023-03-16', data: { date: '2023-03-16', participants: 12, representativesPresent: 3, votesFor: 10, votesAgainst: 2 } });
      for (const c of cases) expect(await s.step(guanghui, c.caseNo, 'submit_to_county', { date: '2023-03-16' })).toMatchObject({ state: 'county_review', dueDate: addWorkingDays('2023-03-16', 10) });
      const d = await detail(first.caseNo);
      expect(d.timeline.map((t) => t.action)).not.toContain('community_review');
    });

    it('lists them in the county inbox, not in the township one, and as overdue', async () => {
      const county = (await s.call('GET', '/cases/inbox?limit=200', duyun)).json() as { items: { caseNo: string; overdue: boolean; dueDate: string; actions: { action: string }[] }[] };
      const mine = county.items.filter((i) => cases.some((c) => c.caseNo === i.caseNo));
      expect(mine).toHaveLength(4);
      expect(mine[0]?.actions.map((a) => a.action)).toContain('approve');
      expect(mine.every((i) => i.overdue)).toBe(true);
      const township = (await s.call('GET', '/cases/inbox?limit=200', guanghui)).json() as { items: { caseNo: string }[] };
      expect(township.items.some((i) => cases.some((c) => c.caseNo === i.caseNo))).toBe(false);
      const wenfengBox = (await s.call('GET', '/cases/inbox', wenfeng)).json() as { items: unknown[] };
      expect(wenfengBox.items).toHaveLength(0);
      const late = (await s.call('GET', '/cases/overdue?limit=200', guanghui)).json() as { items: { caseNo: string }[] };
      expect(late.items.map((i) => i.caseNo)).toEqual(expect.arrayContaining(cases.map((c) => c.caseNo)));
    });

    it('draws a reproducible sample of at least 30% with every flagged case, once', async () => {
      const r = await spotCheck(cases.map((c) => c.caseNo), '2023-03-17', 'duyun-2023-03');
      batchNo = r.batchNo;
      const sampled = r.batch.cases.filter((c) => c.sampled).map((c) => c.caseNo);
      expect(r.batch.ratio).toBe(0.3);
      expect(sampled.length).toBeGreaterThanOrEqual(2);
      expect(sampled).toContain(cases[3]!.caseNo);
      expect(drawSample(r.batch.cases.map((c) => ({ id: c.caseNo, flagged: c.flagged })), 0.3, 'duyun-2023-03')).toEqual(sampled);
      expect((await s.call('POST', `/cases/batches/${batchNo}/sample`, duyun, { seed: 'again' })).statusCode).toBe(409);
      const list = (await s.call('GET', '/cases/batches', duyun)).json() as { items: { batchNo: string; size: number; sampled: number }[] };
      expect(list.items.find((b) => b.batchNo === batchNo)).toMatchObject({ size: 4, sampled: sampled.length });
    });

    it('shows the public-notice list with name, household size and amount only', async () => {
      const res = await s.call('GET', `/cases/batches/${batchNo}/public-notice?area=522701001`, duyun);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Record<string, unknown>[] };
      expect(body.items).toHaveLength(4);
      for (const item of body.items) expect(Object.keys(item).sort()).toEqual(['amountFen', 'amountStatus', 'householdSize', 'name', 'villageCode', 'villageName']);
      expect(body.items[0]).toMatchObject({ name: '罗大成', householdSize: 2, amountFen: 69000, amountStatus: 'proposed' });
      for (const secret of [cases[0]!.headId, cases[0]!.headId.slice(6, 14), '13900001111', '广惠路88号', 'disability', 'Grade', '残疾']) expect(res.body).not.toContain(secret);
      const doc = await s.call('GET', `/cases/batches/${batchNo}/public-notice.docx?area=522701001`, duyun);
      const text = docxText(doc.rawPayload);
      expect(text).toContain('罗大成');
      expect(text).toContain('690.00');
      for (const secret of [cases[0]!.headId, '13900001111', '广惠路88号']) expect(text).not.toContain(secret);
    });

    it('approves three and rejects one with a written reason and a notice with appeal rights', async () => {
      for (const c of cases.slice(0, 3)) expect(await s.step(duyun, c.caseNo, 'approve', { date: '2023-03-20' })).toMatchObject({ state: 'approved' });
      const d = await detail(cases[0]!.caseNo);
      expect(d.decisions[0]).toMatchObject({ kind: 'approve', amountFen: 69000, effectiveMonth: '2023-04' });
      expect(d).toMatchObject({ finalDueDate: null, dueDate: null, reviewDue: '2024-04-01' });
      const last = cases[3]!;
      expect(await s.refused(duyun, last.caseNo, 'reject', { date: '2023-03-20' })).toMatchObject({ status: 400 });
      await s.step(duyun, last.caseNo, 'reject', { date: '2023-03-20', reason: '县级入户抽查发现家庭有登记的经营实体，收入超过标准' });
      const r = await detail(last.caseNo);
      expect(r.state).toBe('rejected');
      expect(r.decisions[0]).toMatchObject({ kind: 'reject', notifyBy: addWorkingDays('2023-03-20', 3) });
      const text = docxText((await s.call('GET', `/cases/${last.caseNo}/notices/decision.docx`, guanghui)).rawPayload);
      expect(text).toContain('不予批准通知书');
      expect(text).toContain('家庭有登记的经营实体');
      expect(text).toContain('行政复议');
      expect(await s.refused(duyun, last.caseNo, 'approve', { date: '2023-03-21' })).toMatchObject({ status: 409, code: 'invalid_transition' });
    });

    it('opens a review due within 3 months after a member dies, and redoes the income check', async () => {
      const c = cases[0]!;
      const spouse = ((await s.call('GET', `/households/${c.householdNo}?unmask=true`, guanghui)).json() as { members: { idNumber: string; relation: string }[] }).members.find((m) => m.relation === 'spouse')!;
      const res = await s.call('POST', '/cases/deaths', guanghui, { householdNo: c.householdNo, memberIdNumber: spouse.idNumber, dateOfDeath: '2023-06-08', date: '2023-06-10' });
      expect(res.statusCode, res.body).toBe(200);
      let d = await detail(c.caseNo);
      expect(d).toMatchObject({ state: 'under_review', dueDate: '2023-09-10', reviewDue: '2023-09-10' });
      expect(JSON.stringify(d.timeline.at(-1)?.data)).not.toContain(spouse.idNumber);
      expect(await s.refused(duyun, c.caseNo, 'continue', { date: '2023-06-20' })).toMatchObject({ status: 409, code: 'income_check_required' });
      expect((await s.call('POST', `/households/${c.householdNo}/members/remove`, guanghui, { idNumber: spouse.idNumber, reason: '死亡注销' })).statusCode).toBe(204);
      await s.step(guanghui, c.caseNo, 'review_income_check', verification('2023-06-15'));
      expect(await s.step(duyun, c.caseNo, 'continue', { date: '2023-06-20' })).toMatchObject({ state: 'approved' });
      d = await detail(c.caseNo);
      // One person now: 495 − 300 = 195 yuan.
      expect(d.decisions.at(-1)).toMatchObject({ kind: 'review', amountFen: 19500, effectiveMonth: '2023-07' });
      expect(d.decisions[0]).toMatchObject({ kind: 'approve', amountFen: 69000 });
    });

    it('exits gradually for at most the parameter months, then exits with a written reason', async () => {
      const c = cases[1]!;
      expect(await s.refused(duyun, c.caseNo, 'gradual_exit', { date: '2023-07-03', reason: '就业收入超过标准', data: { months: 7 } })).toMatchObject({ status: 400, code: 'gradual_exit_too_long' });
      expect(await s.step(duyun, c.caseNo, 'gradual_exit', { date: '2023-07-03', reason: '就业收入超过标准', data: { months: 6 } })).toMatchObject({ state: 'gradual_exit', dueDate: '2024-01-01' });
      let d = await detail(c.caseNo);
      expect(d.decisions.at(-1)).toMatchObject({ kind: 'gradual_exit', amountFen: 69000, effectiveMonth: '2023-08', endMonth: '2024-01' });
      expect(await s.refused(duyun, c.caseNo, 'exit', { date: '2024-01-05', reason: '' })).toMatchObject({ status: 400 });
      expect(await s.step(duyun, c.caseNo, 'exit', { date: '2024-01-05', reason: '渐退期满，家庭收入稳定超过保障标准' })).toMatchObject({ state: 'exited' });
      d = await detail(c.caseNo);
      expect(d).toMatchObject({ state: 'exited', dueDate: null, reviewDue: null });
      expect(d.nextActions).toEqual([]);
      const text = docxText((await s.call('GET', `/cases/${c.caseNo}/notices/decision.docx`, guanghui)).rawPayload);
      expect(text).toContain('停止最低生活保障通知书');
      expect(text).toContain('2024年2月起停止发放');
      expect(text).toContain('渐退期满');
    });

    it('shows the caller the next allowed actions with their data schema', async () => {
      const c = cases[2]!;
      const county = await detail(c.caseNo, duyun);
      expect(county.nextActions.map((a) => a.action).sort()).toEqual(['change_amount', 'exit', 'gradual_exit', 'record_complaint', 'record_death', 'suspend']);
      // each says what it sets in motion: the page asks again, in red, before those that stop the money
      expect(Object.fromEntries(county.nextActions.map((a) => [a.action, a.effect]))).toMatchObject({ suspend: 'decide/suspend', exit: 'decide/exit', record_death: 'death_review', change_amount: 'decide/change' });
      const township = await detail(c.caseNo);
      expect(township.nextActions.map((a) => a.action).sort()).toEqual(['record_complaint', 'record_death', 'start_review']);
      expect(township.nextActions.find((a) => a.action === 'record_death')?.dataSchema).toMatchObject({ type: 'object' });
      expect((await detail(c.caseNo, auditor)).nextActions).toEqual([]);
    });
  });

  it("gives the decision's 计算过程 as a worksheet: rural household of two, one member elderly", async () => {
    // 都匀市 rural 2640 元/年 → 220 元/月; wage 200 元/月 over 2 → 人均 100; 补差 (220 − 100) × 2 = 240;
    // the grandmother (73 in 2023) 老年人 20% × 220 = 44; 合计 284 元/月.
    const { caseNo } = await approvedDibao(built, { township: guanghui, county: duyun }, {
      wageFen: 20000, hukou: 'rural', members: [
        memberInput({ idNumber: idNumber('1985-06-01', 'male'), name: '杨光明', hukou: 'rural' }),
        memberInput({ idNumber: idNumber('1950-02-03', 'female'), name: '陈桂英', relation: 'parent', hukou: 'rural', workCapacity: 'none' }),
      ],
    });
    const d = (await s.call('GET', `/cases/${caseNo}`, guanghui)).json() as { decisions: { amountFen: number; worksheet: { label: string; expression: string; amountFen: number | null; basis: string }[] }[] };
    expect(d.decisions[0]?.amountFen).toBe(28400);
    expect(d.decisions[0]?.worksheet).toEqual([
      { label: '保障标准', expression: '农村 2640.00 元/年 ÷ 12 = 220.00 元/人·月', amountFen: null, basis: '黔南州民政局2015年工作总结：一档2640元/年' },
      { label: '家庭月收入', expression: '200.00 元', amountFen: null, basis: '最低生活保障审核确认办法（民政部，2021年7月1日施行）第十三条：另不计入城乡居民基本养老保险基础养老金（十四五期间）；最低生活保障审核确认办法（民政部，2021年7月1日施行）第十三条：因残疾、患重病等增加的刚性支出可按规定适当扣减' },
      { label: '家庭人均月收入', expression: '200.00 ÷ 2 人 = 100.00 元', amountFen: null, basis: '社会救助暂行办法第九条' },
      { label: '收入条件', expression: '人均 100.00 元 < 标准 220.00 元，符合', amountFen: null, basis: '社会救助暂行办法第九条：家庭人均收入低于当地最低生活保障标准' },
      { label: '补差', expression: '(220.00 − 100.00) × 2 人 = 240.00 元', amountFen: 24000, basis: '社会救助暂行办法第十二条：按照家庭人均收入低于当地最低生活保障标准的差额发给' },
      { label: '分类施保', expression: '陈*英 老年人 220.00 × 20% = 44.00 元', amountFen: 4400, basis: '黔南州民政局2015年工作总结：农村低保对象增发20%；老年人权益保障法第二条（六十周岁以上）' },
      { label: '合计', expression: '240.00 + 44.00 = 284.00 元/月', amountFen: null, basis: '' },
    ]);
  });
});
