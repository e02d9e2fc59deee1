import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { testApp, tokenFor } from '../../test/http.ts';
import { approvedDibao, makeHousehold, stepper, verification, visit } from './testing.ts';

interface Detail {
  state: string; flags: string[]; reviewDue: string | null; overdue: boolean; batch: { sampled: boolean } | null;
  decisions: { kind: string; amountFen: number | null; effectiveMonth: string | null; reason: string | null }[];
}

describe(`dynamic management and the county stage (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let guanghui: string;
  let duyun: string;
  let clerk: string;
  let s: ReturnType<typeof stepper>;
  const detail = async (caseNo: string) => (await s.call('GET', `/cases/${caseNo}`, duyun)).json() as Detail;

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    s = stepper(built);
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    duyun = await tokenFor(built, 'duyun.approver');
    clerk = await tokenFor(built, 'guanghui.clerk');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  it('puts a case whose review is due in the township inbox, and re-decides it on review', async () => {
    const c = await approvedDibao(built, { township: guanghui, county: duyun });
    expect((await detail(c.caseNo)).reviewDue).toBe('2024-04-01');
    const box = (await s.call('GET', '/cases/inbox?limit=200', guanghui)).json() as { items: { caseNo: string; overdue: boolean; actions: { action: string }[] }[] };
    expect(box.items.find((i) => i.caseNo === c.caseNo)).toMatchObject({ overdue: true, actions: [{ action: 'start_review' }] });
    await s.step(guanghui, c.caseNo, 'start_review', { date: '2024-04-02', data: { trigger: 'scheduled' } });
    await s.step(guanghui, c.caseNo, 'review_income_check', verification('2024-04-08'));
    await s.step(duyun, c.caseNo, 'continue', { date: '2024-04-10', data: { stability: 'unstable' } });
    const d = await detail(c.caseNo);
    expect(d.decisions.map((x) => x.kind)).toEqual(['approve', 'review']);
    // Unstable urban household under cn-2021: every 6 months from May 2024.
    expect(d.reviewDue).toBe('2024-11-01');
  });

  it('changes the amount after the registry changes, suspends and resumes with written reasons', async () => {
    const c = await approvedDibao(built, { township: guanghui, county: duyun });
    const wage = (fen: number) => s.call('PUT', `/households/${c.householdNo}/incomes`, guanghui, { items: [{ memberIdNumber: c.headId, kind: 'wage', amountFen: fen, period: 'month', source: '零工' }] });
    expect((await wage(50000)).statusCode).toBe(204);
    expect(await s.refused(duyun, c.caseNo, 'change_amount', { date: '2023-05-04' })).toMatchObject({ status: 400 });
    await s.step(duyun, c.caseNo, 'change_amount', { date: '2023-05-04', reason: '家庭工资收入增加，重新核定' });
    expect(await s.step(duyun, c.caseNo, 'suspend', { date: '2023-06-01', reason: '外出务工期间暂停，待核实' })).toMatchObject({ state: 'suspended' });
    expect(await s.refused(guanghui, c.caseNo, 'resume', { date: '2023-07-01', reason: '核实完毕恢复发放' })).toMatchObject({ status: 403, code: 'role_not_allowed' });
    expect(await s.step(duyun, c.caseNo, 'resume', { date: '2023-07-01', reason: '核实完毕恢复发放' })).toMatchObject({ state: 'approved' });
    const d = await detail(c.caseNo);
    // (495 − 500 / 2) × 2 = 490 yuan.
    expect(d.decisions.map((x) => [x.kind, x.amountFen, x.effectiveMonth])).toEqual([
      ['approve', 69000, '2023-04'], ['change', 49000, '2023-06'], ['suspend', null, '2023-07'], ['resume', 49000, '2023-08'],
    ]);
  });

  it('puts a case under complaint into the drawn sample, so it needs a county visit', async () => {
    const cases = [];
    for (let i = 0; i < 4; i++) {
      const h = await makeHousehold(built, guanghui, '522701001001', { wageFen: 30000 });
      const res = await s.call('POST', '/cases', guanghui, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2023-03-01' });
      const { caseNo } = res.json() as { caseNo: string };
      await s.step(guanghui, caseNo, 'home_visit', visit('2023-03-03'));
      await s.step(guanghui, caseNo, 'verify_economic_status', verification('2023-03-06'));
      await s.step(guanghui, caseNo, 'township_review', { date: '2023-03-08' });
      await s.step(guanghui, caseNo, 'submit_to_county', { date: '2023-03-16' });
      cases.push(caseNo);
    }
    const { batchNo } = (await s.call('POST', '/cases/batches', duyun, { programme: 'dibao', date: '2023-03-17' })).json() as { batchNo: string };
    const batch = (await s.call('POST', `/cases/batches/${batchNo}/sample`, duyun, { seed: 'complaint', date: '2023-03-17' })).json() as { cases: { caseNo: string; sampled: boolean }[] };
    expect(batch.cases.map((c) => c.caseNo).sort()).toEqual([...cases].sort());
    const outside = batch.cases.find((c) => !c.sampled)!.caseNo;
    expect(await s.step(duyun, outside, 'approve', { date: '2023-03-20' }).then(() => 'approved')).toBe('approved');
    // 4 cases at 30% → 2 sampled, 2 not: one approved above, the other gets a complaint.
    const other = batch.cases.filter((c) => !c.sampled && c.caseNo !== outside)[0]!.caseNo;
    {
      await s.step(guanghui, other, 'record_complaint', { date: '2023-03-18', data: { content: '举报其为村干部亲属', channel: 'hotline_12349' } });
      const d = await detail(other);
      expect(d.flags).toContain('complaint');
      expect(d.batch).toMatchObject({ sampled: true });
      expect(await s.refused(duyun, other, 'approve', { date: '2023-03-20' })).toMatchObject({ status: 409, code: 'county_visit_required' });
    }
  });

  it('lets the applicant withdraw before the county stage, and the village clerk only read', async () => {
    const h = await makeHousehold(built, guanghui, '522701001001', { wageFen: 30000 });
    const { caseNo } = (await s.call('POST', '/cases', guanghui, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2023-03-01' })).json() as { caseNo: string };
    expect((await s.call('GET', `/cases/${caseNo}`, clerk)).statusCode).toBe(200);
    expect(await s.refused(clerk, caseNo, 'home_visit', visit('2023-03-03'))).toMatchObject({ status: 403 });
    expect((await s.call('POST', '/cases', clerk, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId })).statusCode).toBe(403);
    expect(await s.refused(guanghui, caseNo, 'home_visit', { ...visit('2023-03-03'), date: '2023-02-28' })).toMatchObject({ status: 400 });
    expect(await s.refused(guanghui, caseNo, 'home_visit', visit('2099-01-01'))).toMatchObject({ status: 400 });
    expect(await s.refused(guanghui, caseNo, 'fly', {})).toMatchObject({ status: 400, code: 'unknown_action' });
    expect(await s.step(guanghui, caseNo, 'withdraw', { date: '2023-03-02', reason: '申请人书面申请撤回' })).toMatchObject({ state: 'withdrawn', dueDate: null });
    expect((await s.call('GET', '/cases/overdue?limit=200', guanghui)).body).not.toContain(caseNo);
    // A new application may follow a closed one.
    expect((await s.call('POST', '/cases', guanghui, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2023-04-03' })).statusCode).toBe(201);
  });

  it('pages the inbox with a keyset cursor', async () => {
    const first = (await s.call('GET', '/cases/inbox?limit=1', guanghui)).json() as { items: { caseNo: string }[]; next: string | null };
    expect(first.items).toHaveLength(1);
    expect(first.next).toMatch(/^\d{4}-\d{2}-\d{2}:\d+$/);
    const second = (await s.call('GET', `/cases/inbox?limit=1&after=${first.next}`, guanghui)).json() as { items: { caseNo: string }[] };
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.caseNo).not.toBe(first.items[0]?.caseNo);
    const all = (await s.call('GET', '/cases/inbox?limit=200', guanghui)).json() as { items: { caseNo: string }[] };
    expect(all.items.slice(0, 2).map((i) => i.caseNo)).toEqual([first.items[0]?.caseNo, second.items[0]?.caseNo]);
  });

  it('lets only one of two simultaneous steps on a case through', async () => {
    const h = await makeHousehold(built, guanghui, '522701001001', { wageFen: 30000 });
    const { caseNo } = (await s.call('POST', '/cases', guanghui, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2023-03-01' })).json() as { caseNo: string };
    const both = await Promise.all([0, 1].map(() => s.call('POST', `/cases/${caseNo}/transitions`, guanghui, { action: 'home_visit', ...visit('2023-03-03') })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const timeline = ((await s.call('GET', `/cases/${caseNo}`, guanghui)).json() as { timeline: { action: string }[] }).timeline;
    expect(timeline.map((t) => t.action)).toEqual(['accept', 'home_visit']);
  });

  it("lists a household's cases with the decision in force, newest first, only within scope", async () => {
    const c = await approvedDibao(built, { township: guanghui, county: duyun });
    await s.step(duyun, c.caseNo, 'suspend', { date: '2023-06-01', reason: '外出务工期间暂停，待核实' });
    type Listed = { items: { caseNo: string; state: string; stateLabel: string; decision: { kind: string; amountFen: number | null; effectiveMonth: string } | null }[] };
    const list = async (token: string) => (await s.call('GET', `/cases/by-household/${c.householdNo}`, token)).json() as Listed;
    const row = (i: Listed['items'][number]) => [i.caseNo, i.state, i.decision?.kind ?? null, i.decision?.amountFen ?? null, i.decision?.effectiveMonth ?? null];
    expect((await list(guanghui)).items.map(row)).toEqual([[c.caseNo, 'suspended', 'suspend', null, '2023-07']]);
    expect((await list(guanghui)).items[0]?.stateLabel).toBe('暂停发放');
    // A withdrawn application and the one after it: newest first.
    const h = await makeHousehold(built, guanghui, '522701001001', { wageFen: 30000 });
    const open = async (on: string) => ((await s.call('POST', '/cases', guanghui, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: on })).json() as { caseNo: string }).caseNo;
    const first = await open('2023-03-01');
    await s.step(guanghui, first, 'withdraw', { date: '2023-03-02', reason: '申请人书面申请撤回' });
    const second = await open('2023-04-03');
    const both = (await s.call('GET', `/cases/by-household/${h.householdNo}`, guanghui)).json() as Listed;
    expect(both.items.map((i) => [i.caseNo, i.state])).toEqual([[second, 'accepted'], [first, 'withdrawn']]);
    const wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    expect((await s.call('GET', `/cases/by-household/${c.householdNo}`, wenfeng)).statusCode).toBe(404);
    const bad = await s.call('GET', '/cases/by-household/12345', guanghui);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field)).toEqual(['householdNo']);
  });
});
