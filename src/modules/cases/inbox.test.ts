import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';
import { inboxLimits } from './service/inbox.ts';
import { stepper, verification, visit } from './testing.ts';
import { fixedClock, todayInChina, useClock, type Clock } from '../../kernel/clock.ts';

interface Item { caseNo: string; programme: string; state: string; areaCode: string; applicantName: string; overdue: boolean }
interface Page { items: Item[]; next: string | null; total: number; totalCapped: boolean }
interface Made { caseNo: string; programme: string; state: string; village: string; name: string; id: string; overdue: boolean }

const V1 = '522701001001';
const V2 = '522701001002';

describe(`case inbox filters, count, export; county batch approval (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let s: ReturnType<typeof stepper>;
  let guanghui: string;
  let duyun: string;
  let fuquan: string;
  const made: Made[] = [];

  /** A household of one in `village` and a case of `programme` for it, applied on `appliedOn`. */
  const open = async (programme: string, village: string, name: string, appliedOn: string, birth: string) => {
    const id = idNumber(birth, 'male');
    const h = await s.call('POST', '/households', guanghui, householdInput(village, [memberInput({ idNumber: id, name })]));
    if (h.statusCode !== 201) throw new Error(h.body);
    const householdNo = (h.json() as { householdNo: string }).householdNo;
    const c = await s.call('POST', '/cases', guanghui, { programme, householdNo, applicantIdNumber: id, appliedOn });
    if (c.statusCode !== 201) throw new Error(c.body);
    return { caseNo: (c.json() as { caseNo: string }).caseNo, id, householdNo };
  };
  const page = async (query: string, token = guanghui) => {
    const res = await s.call('GET', `/cases/inbox?limit=200${query}`, token);
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
    return res.json() as Page;
  };

  // The day the file runs on, whatever the wall clock says (deadlines and overdue marks count from it).
  let wallClock: Clock;
  beforeAll(async () => {
    wallClock = useClock(fixedClock('2026-06-15'));
    db = await testDatabase();
    built = await testApp(db);
    s = stepper(built);
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    duyun = await tokenFor(built, 'duyun.approver');
    const admin = await tokenFor(built, 'qiannan.admin');
    const u = await s.call('POST', '/users', admin, { username: 'fuquan.inbox', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    if (u.statusCode !== 201) throw new Error(u.body);
    fuquan = await tokenFor(built, 'fuquan.inbox', STRONG_PASSWORD);
    const today = todayInChina();
    // Old cases are past their deadline (overdue), today's are not; one moved on to 已入户调查.
    const plan: [string, string, string, string, string][] = [
      ['dibao', V1, '筛甲一', '2026-01-05', '1960-01-01'],
      ['dibao', V2, '筛甲二', today, '1961-01-01'],
      ['hardship', V1, '筛乙一', today, '1962-01-01'],
      ['hardship', V2, '筛乙二', '2026-01-05', '1963-01-01'],
      ['dibao', V1, '另丙一', today, '1964-01-01'],
    ];
    for (const [programme, village, name, appliedOn, birth] of plan) {
      const c = await open(programme, village, name, appliedOn, birth);
      made.push({ caseNo: c.caseNo, programme, state: 'accepted', village, name, id: c.id, overdue: appliedOn !== today });
    }
    const moved = made[4]!;
    await s.step(guanghui, moved.caseNo, 'home_visit', visit(today));
    moved.state = 'visited';
  });
  afterAll(async () => {
    useClock(wallClock);
    await built.app.close();
    await db.close();
  });

  it('narrows the inbox by each filter, and counts what it lists', async () => {
    const first = made[0]!;
    const cases: [string, (m: Made) => boolean][] = [
      ['', () => true],
      ['&programme=hardship', (m) => m.programme === 'hardship'],
      ['&state=visited', (m) => m.state === 'visited'],
      [`&village=${V2}`, (m) => m.village === V2],
      ['&overdue=true', (m) => m.overdue],
      ['&overdue=false', (m) => !m.overdue],
      [`&q=${encodeURIComponent('筛甲')}`, (m) => m.name.startsWith('筛甲')],
      [`&q=${first.id}`, (m) => m.id === first.id],
      [`&q=${first.caseNo}`, (m) => m.caseNo === first.caseNo],
      [`&programme=dibao&village=${V1}&overdue=false`, (m) => m.programme === 'dibao' && m.village === V1 && !m.overdue],
    ];
    for (const [query, expected] of cases) {
      const p = await page(query);
      const mine = made.map((m) => m.caseNo);
      expect(p.items.map((i) => i.caseNo).filter((n) => mine.includes(n)).sort(), query).toEqual(made.filter(expected).map((m) => m.caseNo).sort());
      expect([p.total, p.totalCapped], query).toEqual([p.items.length, false]);
    }
    // The overdue list takes the same filters.
    const late = (await s.call('GET', '/cases/overdue?programme=hardship', guanghui)).json() as Page;
    expect(late.items.map((i) => i.caseNo)).toEqual([made[3]!.caseNo]);
    expect(late.total).toBe(1);
  });

  it('refuses a bad filter with 400 naming it', async () => {
    const bad: [string, string][] = [
      ['programme=nothing', 'programme'],
      ['state=nowhere', 'state'],
      ['programme=dibao&state=assessed', 'state'],
      ['village=5227010010', 'village'],
      ['village=522701002001', 'village'],
      ['overdue=yes', 'overdue'],
      ['q=', 'q'],
      [`q=${'长'.repeat(51)}`, 'q'],
    ];
    for (const [query, field] of bad) {
      for (const path of ['/cases/inbox', '/cases/overdue', '/cases/inbox.xlsx']) {
        const res = await s.call('GET', `${path}?${encodeURI(query)}`, guanghui);
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        const err = (res.json() as { error: { details: { fields: { field: string }[] } } }).error;
        expect(err.details.fields.map((f) => f.field.replace(/^querystring\./, '')), `${path}?${query}`).toContain(field);
      }
    }
  });

  it('caps the total: counts at most cap + 1 rows and says so', async () => {
    const saved = inboxLimits.countCap;
    try {
      const all = (await page('')).items.length;
      expect(all).toBeGreaterThanOrEqual(5);
      inboxLimits.countCap = all;
      expect(await page('')).toMatchObject({ total: all, totalCapped: false });
      inboxLimits.countCap = all - 2;
      expect(await page('')).toMatchObject({ total: all - 2, totalCapped: true });
    } finally {
      inboxLimits.countCap = saved;
    }
    // A page shorter than the total: the total still counts every match.
    const short = (await s.call('GET', '/cases/inbox?limit=2', guanghui)).json() as Page;
    expect(short.items.length).toBe(2);
    expect(short.total).toBe((await page('')).total);
  });

  it('exports the filtered inbox as a real .xlsx with Chinese headers and names, audited; refuses too many rows', async () => {
    const res = await s.call('GET', '/cases/inbox.xlsx?programme=dibao', guanghui);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows[0]).toEqual(['案件编号', '救助项目', '申请人', '身份证号码', '乡镇（街道）', '村（社区）', '状态', '受理日期', '本环节时限', '办结时限', '复核到期', '是否超期', '待办事项']);
    const body = rows.slice(1);
    const listed = await page('&programme=dibao');
    expect(body.map((r) => r[0]).sort()).toEqual(listed.items.map((i) => i.caseNo).sort());
    const one = body.find((r) => r[0] === made[0]!.caseNo)!;
    expect(one.slice(1, 3)).toEqual(['最低生活保障', '筛甲一']);
    expect(one[3]).not.toBe(made[0]!.id);
    expect(one.slice(4, 7)).toEqual(['广惠街道', expect.any(String), '已受理']);
    expect(one[11]).toBe('是');
    // No codes: no area code, programme code or state code in any cell.
    for (const r of body) for (const cell of r.slice(1)) expect(cell).not.toMatch(/^(\d{6}|\d{9}|\d{12}|dibao|hardship|accepted|visited)$/);
    const audit = await db.kysely.selectFrom('audit_log').select(['after']).where('action', '=', 'cases.export').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ filters: { programme: 'dibao' }, rows: body.length });
    const saved = inboxLimits.exportMax;
    try {
      inboxLimits.exportMax = 1;
      const refused = await s.call('GET', '/cases/inbox.xlsx', guanghui);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: { code: 'export_too_large', message: expect.stringContaining('缩小范围') } });
    } finally {
      inboxLimits.exportMax = saved;
    }
  });

  it('approves every approvable case of a batch in one request, after a preview, one step and audit entry each', async () => {
    const nos: string[] = [];
    const households: string[] = [];
    const heads: string[] = [];
    for (let i = 0; i < 10; i++) {
      const c = await open('dibao', V1, `批审${'甲乙丙丁戊己庚辛壬癸'[i]}`, '2023-03-01', `197${i}-02-03`);
      if (i > 0) {
        const w = await s.call('PUT', `/households/${c.householdNo}/incomes`, guanghui, { items: [{ memberIdNumber: c.id, kind: 'wage', amountFen: 5000 * i, period: 'month', source: '零工' }] });
        expect(w.statusCode).toBe(204);
      }
      await s.step(guanghui, c.caseNo, 'home_visit', visit('2023-03-03'));
      await s.step(guanghui, c.caseNo, 'verify_economic_status', verification('2023-03-06'));
      await s.step(guanghui, c.caseNo, 'township_review', { date: '2023-03-08' });
      await s.step(guanghui, c.caseNo, 'submit_to_county', { date: '2023-03-16' });
      nos.push(c.caseNo);
      households.push(c.householdNo);
      heads.push(c.id);
    }
    // 编组's confirmation counts first: the 10 cases awaiting county review and in no batch.
    const candidates = async (query: string, token = duyun) => s.call('GET', `/cases/batches/candidates?${query}`, token);
    expect((await candidates('programme=dibao')).json()).toEqual({ programme: 'dibao', count: 10 });
    expect((await candidates('programme=hardship')).json()).toEqual({ programme: 'hardship', count: 0 });
    expect((await candidates('programme=dibao', fuquan)).json()).toEqual({ programme: 'dibao', count: 0 });
    expect((await candidates('programme=dibao', guanghui)).statusCode).toBe(403);
    const noProgramme = await candidates('programme=nothing');
    expect([noProgramme.statusCode, (noProgramme.json() as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field.replace(/^querystring\./, ''))]).toEqual([400, ['programme']]);
    const b = (await s.call('POST', '/cases/batches', duyun, { programme: 'dibao', caseNos: nos, date: '2023-03-17' })).json() as { batchNo: string };
    expect((await candidates('programme=dibao')).json()).toEqual({ programme: 'dibao', count: 0 });
    // 抽取样本's confirmation: of 10 at the county's ratio, how many; the draw takes as many.
    const samplePreview = async (query: string, token = duyun) => s.call('GET', `/cases/batches/${b.batchNo}/sample-preview?${query}`, token);
    const planned = (await samplePreview('date=2023-03-17')).json() as { size: number; ratio: number; count: number; flagged: number; drawn: boolean };
    expect(planned).toMatchObject({ size: 10, flagged: 0, drawn: false });
    expect(planned.count).toBe(Math.ceil(10 * planned.ratio));
    expect((await samplePreview('date=2023-03-16')).statusCode).toBe(400);
    expect((await samplePreview('date=2023-03-17', fuquan)).statusCode).toBe(404);
    const drawn = (await s.call('POST', `/cases/batches/${b.batchNo}/sample`, duyun, { seed: 'inbox-test', date: '2023-03-17' })).json() as { cases: { caseNo: string; sampled: boolean }[] };
    const sampled = drawn.cases.filter((c) => c.sampled).map((c) => c.caseNo);
    expect(sampled).toHaveLength(planned.count);
    expect(((await samplePreview('date=2023-03-17')).json() as { drawn: boolean }).drawn).toBe(true);
    const [unvisited, ...visited] = sampled;
    for (const n of visited) await s.step(duyun, n, 'county_visit', visit('2023-03-17', ['张县审', '赵县核']));

    const preview = async (token = duyun) => s.call('GET', `/cases/batches/${b.batchNo}/approvable?date=2023-03-20`, token);
    const p1 = (await preview()).json() as { count: number; effectiveMonth: string; approvable: { caseNo: string }[]; blocked: { caseNo: string; code: string; reason: string }[] };
    expect([p1.count, p1.effectiveMonth]).toEqual([9, '2023-04']);
    expect(p1.blocked).toEqual([expect.objectContaining({ caseNo: unvisited, code: 'county_visit_required', reason: expect.stringContaining('县级入户核查') })]);

    // The preview said 9; approving 10 is refused and nothing changes.
    const changed = await s.call('POST', `/cases/batches/${b.batchNo}/approve-all`, duyun, { expectedCount: 10, date: '2023-03-20' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ error: { code: 'batch_count_changed' } });
    const decisions = () => db.kysely.selectFrom('case_decisions as d').innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'd.county_code').onRef('c.id', '=', 'd.case_id'))
      .select(['c.case_no', 'd.kind', 'd.amount_fen', 'd.effective_month']).where('c.case_no', 'in', nos).execute();
    expect(await decisions()).toEqual([]);

    await s.step(duyun, unvisited!, 'county_visit', visit('2023-03-18', ['张县审', '赵县核']));
    // The programme's benefit decides too: a household now above the standard is not approvable.
    const wage = (fen: number) => s.call('PUT', `/households/${households[9]}/incomes`, guanghui, { items: [{ memberIdNumber: heads[9], kind: 'wage', amountFen: fen, period: 'month', source: '零工' }] });
    expect((await wage(500000)).statusCode).toBe(204);
    const p2 = (await preview()).json() as { count: number; blocked: { caseNo: string; code: string; reason: string }[] };
    expect([p2.count, p2.blocked]).toEqual([9, [expect.objectContaining({ caseNo: nos[9], code: 'not_eligible', reason: expect.stringContaining('不符合低保条件') })]]);
    expect((await wage(45000)).statusCode).toBe(204);
    const p3 = (await preview()).json() as { count: number; totalFen: number; approvable: { caseNo: string; amountFen: number | null }[] };
    expect(p3.count).toBe(10);
    // Another county's approver: the batch does not exist for them.
    expect((await preview(fuquan)).statusCode).toBe(404);
    expect((await s.call('POST', `/cases/batches/${b.batchNo}/approve-all`, fuquan, { expectedCount: 10, date: '2023-03-20' })).statusCode).toBe(404);
    // A month the date does not give: 400 naming it.
    const month = await s.call('POST', `/cases/batches/${b.batchNo}/approve-all`, duyun, { expectedCount: 10, date: '2023-03-20', effectiveMonth: '2023-03' });
    expect(month.statusCode).toBe(400);

    const done = await s.call('POST', `/cases/batches/${b.batchNo}/approve-all`, duyun, { expectedCount: 10, date: '2023-03-20', effectiveMonth: '2023-04', data: { stability: 'stable' } });
    expect(done.statusCode).toBe(200);
    const out = done.json() as { approved: number; totalFen: number; items: { caseNo: string; amountFen: number | null; effectiveMonth: string }[] };
    expect(out.approved).toBe(10);
    const written = await decisions();
    expect(written).toHaveLength(10);
    for (const d of written) {
      expect(d).toMatchObject({ kind: 'approve', effective_month: '2023-04' });
      expect(d.amount_fen).toBeGreaterThan(0);
      expect(out.items.find((i) => i.caseNo === d.case_no)?.amountFen).toBe(d.amount_fen);
    }
    // More wage, less benefit: the engine's own amounts.
    const byNo = new Map(written.map((d) => [d.case_no, d.amount_fen ?? 0]));
    expect(byNo.get(nos[0]!)).toBeGreaterThan(byNo.get(nos[9]!) ?? 0);
    expect(out.totalFen).toBe([...byNo.values()].reduce((a, x) => a + x, 0));
    // The preview's amounts are the ones decided.
    expect(new Map(p3.approvable.map((a) => [a.caseNo, a.amountFen]))).toEqual(byNo);
    expect(p3.totalFen).toBe(out.totalFen);
    const audit = await db.kysely.selectFrom('audit_log').select(['entity_id']).where('action', '=', 'case.approve').where('entity_id', 'in', nos).execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([...nos].sort());
    const detail = (await s.call('GET', `/cases/${nos[3]}`, duyun)).json() as { state: string; timeline: { action: string }[] };
    expect([detail.state, detail.timeline.at(-1)?.action]).toEqual(['approved', 'approve']);
    // Nothing left to approve: the preview says 0 with the reasons.
    const after = (await preview()).json() as { count: number; blocked: unknown[] };
    expect([after.count, after.blocked.length]).toEqual([0, 10]);
  });
});
