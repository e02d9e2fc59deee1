import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { addWorkingDays } from '../../policy/index.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { testApp, tokenFor } from '../../test/http.ts';
import { docxText, makeHousehold, stepper, verification, visit } from './testing.ts';

interface Detail {
  state: string; dueDate: string | null; reviewDue: string | null;
  decisions: { kind: string; amountFen: number | null; effectiveMonth: string | null; explanation: { formula: string; value: { support: { mode: string; selfCare: string; monthly: number } } }; worksheet: { label: string; expression: string; amountFen: number | null }[] }[];
  timeline: { action: string; data: Record<string, unknown> }[];
}

const ELDER = (over: Record<string, unknown> = {}) => memberInput({ idNumber: idNumber('1945-05-05', 'female'), name: '杨老太', sex: 'female', hukou: 'rural', workCapacity: 'none', ...over });
const ITEMS = { eating: true, dressing: true, bedTransfer: true, toileting: false, indoorWalking: true, bathing: false };

describe(`特困 cases (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let guanghui: string;
  let duyun: string;
  let s: ReturnType<typeof stepper>;
  const detail = async (caseNo: string) => (await s.call('GET', `/cases/${caseNo}`, guanghui)).json() as Detail;

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

  const open = async (appliedOn: string) => {
    const elder = ELDER();
    const h = await makeHousehold(built, guanghui, '522701001001', { hukou: 'rural', members: [elder] });
    const res = await s.call('POST', '/cases', guanghui, { programme: 'hardship', householdNo: h.householdNo, applicantIdNumber: elder.idNumber, appliedOn });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { caseNo: string; ruleSet: string; dueDate: string };
  };

  const toCounty = async (caseNo: string, d: { visit: string; assess: string; review: string; submit: string }, review: Record<string, unknown>) => {
    await s.step(guanghui, caseNo, 'home_visit', visit(d.visit));
    await s.step(guanghui, caseNo, 'verify_economic_status', verification(d.visit));
    await s.step(guanghui, caseNo, 'assess_self_care', { data: { date: d.assess, assessor: '民政助理员', items: ITEMS } });
    await s.step(guanghui, caseNo, 'township_review', { date: d.review, data: review });
    await s.step(guanghui, caseNo, 'submit_to_county', { date: d.submit });
  };

  const spotCheck = async (caseNos: string[], date: string) => {
    const b = await s.call('POST', '/cases/batches', duyun, { programme: 'hardship', caseNos, date });
    expect(b.statusCode, b.body).toBe(201);
    const { batchNo } = b.json() as { batchNo: string };
    const drawn = (await s.call('POST', `/cases/batches/${batchNo}/sample`, duyun, { seed: `hardship-${date}`, date })).json() as { cases: { caseNo: string; sampled: boolean }[] };
    for (const c of drawn.cases.filter((x) => x.sampled)) await s.step(duyun, c.caseNo, 'county_visit', visit(date, ['张县审', '赵县核']));
  };

  it('lists the nursing homes of the county for institutional support', async () => {
    const res = await s.call('GET', '/institutions', guanghui);
    const items = (res.json() as { items: { countyCode: string; name: string; beds: number }[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((i) => i.countyCode === '522701')).toBe(true);
    expect(items.map((i) => i.name)).toContain('都匀市中心敬老院');
    expect((await s.call('POST', '/institutions', duyun, { countyCode: '522701', name: '广惠街道敬老院', beds: 40 })).statusCode).toBe(201);
    expect((await s.call('POST', '/institutions', duyun, { countyCode: '522702', name: '越权敬老院', beds: 40 })).statusCode).toBe(400);
    expect((await s.call('POST', '/institutions', guanghui, { countyCode: '522701', name: '窗口敬老院', beds: 40 })).statusCode).toBe(403);
  });

  it('cn-2021: assesses self-care, places the person in a nursing home, and freezes the support', async () => {
    const c = await open('2023-05-04');
    expect(c.ruleSet).toBe('cn-2021');
    expect(c.dueDate).toBe(addWorkingDays('2023-05-04', 15));
    const homes = (await s.call('GET', '/institutions', guanghui)).json() as { items: { id: number; countyCode: string; name: string }[] };
    const home = homes.items.find((i) => i.name === '都匀市中心敬老院')!;
    const fuquanHome = ((await s.call('GET', '/institutions', duyun)).json() as { items: { id: number }[] }).items.length;
    expect(fuquanHome).toBeGreaterThan(0);
    await s.step(guanghui, c.caseNo, 'home_visit', visit('2023-05-05'));
    await s.step(guanghui, c.caseNo, 'verify_economic_status', verification('2023-05-08'));
    const assessed = await s.step(guanghui, c.caseNo, 'assess_self_care', { data: { date: '2023-05-09', assessor: '民政助理员', items: ITEMS } });
    expect(assessed).toMatchObject({ state: 'assessed', dueDate: c.dueDate });
    const noHome = await s.refused(guanghui, c.caseNo, 'township_review', { date: '2023-05-10', data: { supportMode: 'institutional', hasLegalSupporter: false, supporterAble: false } });
    expect(noHome).toMatchObject({ status: 400, code: 'institution_required' });
    const otherCounty = await db.kysely.selectFrom('institutions').select('id').where('county_code', '=', '522702').executeTakeFirstOrThrow();
    expect(await s.refused(guanghui, c.caseNo, 'township_review', { date: '2023-05-10', data: { supportMode: 'institutional', institutionId: otherCounty.id, hasLegalSupporter: false, supporterAble: false } })).toMatchObject({ status: 400 });
    expect(await s.step(guanghui, c.caseNo, 'township_review', { date: '2023-05-10', data: { supportMode: 'institutional', institutionId: home.id, hasLegalSupporter: false, supporterAble: false } })).toMatchObject({ state: 'notice', dueDate: '2023-05-17' });
    expect(await s.refused(guanghui, c.caseNo, 'submit_to_county', { date: '2023-05-16' })).toMatchObject({ code: 'notice_period_not_ended' });
    expect(await s.step(guanghui, c.caseNo, 'submit_to_county', { date: '2023-05-18' })).toMatchObject({ state: 'county_review', dueDate: addWorkingDays('2023-05-18', 15) });
    await spotCheck([c.caseNo], '2023-05-19');
    expect(await s.step(duyun, c.caseNo, 'approve', { date: '2023-05-22' })).toMatchObject({ state: 'approved' });
    const d = await detail(c.caseNo);
    // Institutional 3500 yuan/year ÷ 12 = 291.67 ≥ 1.3 × 220 (rural 2640/12) = 286; + partial-care 150 → 441.67 yuan.
    expect(d.decisions[0]).toMatchObject({ kind: 'approve', amountFen: 44167, effectiveMonth: '2023-06' });
    expect(d.decisions[0]?.explanation.value.support).toMatchObject({ mode: 'institutional', selfCare: 'partial', monthly: 44167 });
    // The same computation as the caseworker's worksheet, its amounts adding up to the decision's.
    const worksheet = d.decisions[0]?.worksheet ?? [];
    expect(worksheet.map((l) => l.label)).toEqual(['认定条件', '基本生活标准', '不低于低保标准', '基本生活费', '照料护理费', '合计']);
    expect(worksheet.slice(1, 4).map((l) => l.expression)).toEqual(['集中供养 3500.00 元/年 ÷ 12 = 291.67 元/月', '农村低保标准 220.00 × 1.3 = 286.00 元/月', '取两者中较高者 = 291.67 元/月']);
    expect(worksheet[4]?.expression).toMatch(/^部分丧失生活自理能力（六项中 \d 项不能自理）：150\.00 元\/月$/);
    expect(worksheet[5]?.expression).toBe('291.67 + 150.00 = 441.67 元/月');
    expect(worksheet.reduce((sum, l) => sum + (l.amountFen ?? 0), 0)).toBe(44167);
    expect(d.reviewDue).toBe('2024-06-01');
    // The values the frozen amount read are marked used: never edited afterwards, only superseded.
    const used = await db.kysely.selectFrom('policy_values').select(['name', 'used_at']).where('name', 'in', ['hardship.support.institutional', 'hardship.support.care.partial']).where('used_at', 'is not', null).execute();
    expect(used.map((u) => u.name).sort()).toEqual(['hardship.support.care.partial', 'hardship.support.institutional']);
    const text = docxText((await s.call('GET', `/cases/${c.caseNo}/notices/decision.docx`, guanghui)).rawPayload);
    expect(text).toContain('特困人员救助供养审批决定通知书');
    expect(text).toContain('441.67 元');
    expect(text).toContain('行政复议');
  });

  it('cn-2012: home-based support at the 2015 standard (no care supplement before the Guizhou rule)', async () => {
    const c = await open('2015-06-01');
    expect(c.ruleSet).toBe('cn-2012');
    expect(c.dueDate).toBe(addWorkingDays('2015-06-01', 20));
    await toCounty(c.caseNo, { visit: '2015-06-03', assess: '2015-06-04', review: '2015-06-05', submit: '2015-06-15' }, { supportMode: 'home_based', hasLegalSupporter: false, supporterAble: false });
    await spotCheck([c.caseNo], '2015-06-16');
    await s.step(duyun, c.caseNo, 'approve', { date: '2015-06-17' });
    const d = await detail(c.caseNo);
    // 2200 yuan/year ÷ 12 = 183.33 yuan.
    expect(d.decisions[0]).toMatchObject({ amountFen: 18333, effectiveMonth: '2015-07' });
    // Ending support: a termination notice of 7 days first, then the county's exit decision.
    expect(await s.refused(duyun, c.caseNo, 'exit', { date: '2016-01-04', reason: '本人已由子女接回赡养' })).toMatchObject({ status: 409, code: 'invalid_transition' });
    expect(await s.step(guanghui, c.caseNo, 'termination_notice', { date: '2016-01-04', reason: '本人已由子女接回赡养' })).toMatchObject({ state: 'termination_notice', dueDate: '2016-01-11' });
    expect(await s.refused(duyun, c.caseNo, 'exit', { date: '2016-01-11', reason: '本人已由子女接回赡养' })).toMatchObject({ status: 409, code: 'notice_period_not_ended' });
    expect(await s.step(duyun, c.caseNo, 'exit', { date: '2016-01-12', reason: '本人已由子女接回赡养，终止供养' })).toMatchObject({ state: 'exited' });
    const text = docxText((await s.call('GET', `/cases/${c.caseNo}/notices/decision.docx`, guanghui)).rawPayload);
    expect(text).toContain('停止特困人员救助供养通知书');
    expect(text).toContain('2016年2月起停止发放');
  });

  it('refuses to approve a person who has an able supporter, and takes a rejection instead', async () => {
    const c = await open('2023-05-04');
    await toCounty(c.caseNo, { visit: '2023-05-05', assess: '2023-05-08', review: '2023-05-09', submit: '2023-05-17' }, { supportMode: 'home_based', hasLegalSupporter: true, supporterAble: true });
    await spotCheck([c.caseNo], '2023-05-18');
    const refused = await s.refused(duyun, c.caseNo, 'approve', { date: '2023-05-19' });
    expect(refused).toMatchObject({ status: 409, code: 'not_eligible' });
    expect(refused.message).toContain('无法定赡养');
    await s.step(duyun, c.caseNo, 'reject', { date: '2023-05-19', reason: '其子女具有赡养能力，不符合特困人员认定条件' });
    expect((await detail(c.caseNo)).state).toBe('rejected');
  });
});
