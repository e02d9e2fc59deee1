// Batch decisions on the real database: a county drafts the housing relief of an event from its verified
// damage register (amounts by grade with the priority top-up, the parameters kept as the worksheet), draws
// the ≥30% sample, records the checks, publishes the list, approves after the notice, and decides — one
// granted ZH case per household whose one-off entitlement the payroll pays once; nobody is decided twice;
// bad input is named by field and changes nothing; another county sees nothing.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';

const GUANGHUI = '522701001';
const VILLAGE = `${GUANGHUI}001`;

describe(`disaster batch decisions (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const count = async (q: string) => Number((await sql<{ n: string }>`${sql.raw(q)}`.execute(t.db.kysely)).rows[0]!.n);
  let eventNo = '';
  const households: string[] = [];

  /** A verified damage entry (the register's API is tested on its own): grade, household type, persons. */
  const damage = async (householdNo: string, grade: string, type: string, persons: number, homeless = 0, deaths = 0) => {
    await sql`insert into disaster_damage_entries (county_code, event_id, household_id, area_code, persons_affected, persons_homeless, deaths, house_grade, house_structure,
        household_type, status, recorded_on, recorded_by, first_verified_by, first_verified_on, second_verified_by, second_verified_on)
      select '522701', e.id, h.id, h.village_code, ${persons}, ${homeless}, ${deaths}, ${grade}, 'brick_wood', ${type}, 'verified', '2015-07-16', 'guanghui.caseworker',
        'guanghui.caseworker', '2015-07-16', 'duyun.approver', '2015-07-17'
      from disaster_events e, households h where e.event_no = ${eventNo} and h.household_no = ${householdNo}`.execute(t.db.kysely);
  };

  it('drafts the housing relief from the verified register with the worksheet; bad input is named and writes nothing', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'qiannan.admin']) tokens[u] = await tokenFor(t.built, u);
    const made = await call('qiannan.admin', 'POST', '/users', { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    const e = await call('duyun.approver', 'POST', '/disaster/events', { kind: 'flood', name: '“7·15”洪涝灾害', startedOn: '2015-07-15', areas: [GUANGHUI] });
    expect(e.statusCode, e.body).toBe(200);
    eventNo = (e.json() as { eventNo: string }).eventNo;
    for (let i = 0; i < 10; i++) households.push((await makeHousehold(t.built, tokens['guanghui.caseworker']!, VILLAGE, { hukou: 'rural' })).householdNo);
    // 3 collapsed (one 低保户: +10000), 3 seriously (one 分散供养特困: +2000), 3 generally damaged, 1 undamaged.
    const grades: [string, string][] = [['collapsed', 'dibao'], ['collapsed', 'ordinary'], ['collapsed', 'ordinary'], ['serious', 'hardship_dispersed'], ['serious', 'ordinary'],
      ['serious', 'ordinary'], ['general', 'ordinary'], ['general', 'ordinary'], ['general', 'ordinary'], ['none', 'ordinary']];
    for (const [i, [g, type]] of grades.entries()) await damage(households[i]!, g, type, 2, g === 'collapsed' ? 2 : 0, i === 0 ? 1 : 0);
    // an entry recorded but not verified is not drafted
    const h11 = (await makeHousehold(t.built, tokens['guanghui.caseworker']!, VILLAGE, { hukou: 'rural' })).householdNo;
    await damage(h11, 'collapsed', 'ordinary', 3);
    await sql`update disaster_damage_entries set status = 'recorded', second_verified_by = null, second_verified_on = null where household_id = (select id from households where household_no = ${h11})`.execute(t.db.kysely);

    const bad: [object, string][] = [
      [{ kind: 'housing' }, 'eventNo'],
      [{ kind: 'winter_spring', eventNo }, 'season'],
      [{ kind: 'transitional', eventNo, startDate: '2015-07-15' }, 'endDate'],
      [{ kind: 'transitional', eventNo, startDate: '2015-07-15', endDate: '2015-07-01' }, 'endDate'],
      [{ kind: 'housing', eventNo, season: '2015-2016' }, 'season'],
      [{ kind: 'housing', eventNo, startDate: '2015-07-15' }, 'startDate'],
      [{ kind: 'housing', eventNo, date: '2015-07-01' }, 'date'],
      [{ kind: 'housing', eventNo, payMonth: '2015-13' }, 'payMonth'],
      [{ kind: 'housing', eventNo, areas: ['522702001'] }, 'areas.0'],
      [{ kind: 'meteor', eventNo }, 'kind'],
    ];
    for (const [body, field] of bad) {
      const r = await call('duyun.approver', 'POST', '/disaster/batches', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(fieldsOf(r), JSON.stringify(body)).toContain(field);
    }
    expect((await call('guanghui.caseworker', 'POST', '/disaster/batches', { kind: 'housing', eventNo })).statusCode).toBe(403);
    expect((await call('fuquan.approver', 'POST', '/disaster/batches', { kind: 'housing', eventNo })).statusCode).toBe(404);
    expect(await count('select count(*) as n from disaster_batches')).toBe(0);

    const res = await call('duyun.approver', 'POST', '/disaster/batches', { kind: 'housing', eventNo, date: '2015-07-20', payMonth: '2015-08' });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as { batchNo: string; kindLabel: string; statusLabel: string; households: number; persons: number; amountFen: number; needsNotice: boolean; basis: { steps: { name: string; parameters: { reference?: string }[] }[] }[] };
    expect(b.batchNo).toMatch(/^ZP5227012015\d{6}$/);
    expect(b).toMatchObject({ kindLabel: '倒损住房恢复重建', statusLabel: '草拟（抽查中）', households: 9, persons: 18, needsNotice: true });
    // 3 × 20000 + 10000 + 3 × 6000 + 2000 + 3 × 2000 = 96000 yuan
    expect(b.amountFen).toBe(9_600_000);
    const params = b.basis[0]!.steps.map((s) => s.name);
    expect(params).toContain('disaster.housing.rebuild.collapsed');
    expect(b.basis[0]!.steps.every((s) => s.parameters.every((p) => typeof p.reference === 'string'))).toBe(true);

    const members = (await call('duyun.approver', 'GET', `/disaster/batches/${b.batchNo}/households?limit=20`)).json() as { items: { householdNo: string; amountFen: number; claimText: string; areaName: string }[] };
    const first = members.items.find((m) => m.householdNo === households[0]);
    expect(first).toMatchObject({ amountFen: 3_000_000, claimText: '房屋倒塌，低保户（重点对象）', areaName: expect.stringMatching(/\p{Script=Han}/u) });
    expect(members.items.map((m) => m.householdNo)).not.toContain(households[9]);
    expect(members.items.map((m) => m.householdNo)).not.toContain(h11);

    // the same households cannot go into a second live batch of the same kind
    const again = await call('duyun.approver', 'POST', '/disaster/batches', { kind: 'housing', eventNo, date: '2015-07-20' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'empty_batch']);
    // another county: as if it did not exist
    const other = await call('fuquan.approver', 'GET', `/disaster/batches/${b.batchNo}`);
    expect([other.statusCode, other.body.includes('广惠')]).toEqual([404, false]);
    expect(((await call('fuquan.approver', 'GET', '/disaster/batches')).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('samples at least 30%, needs every check and the notice before approval, then decides once and the payroll pays it', async () => {
    const list = (await call('duyun.approver', 'GET', `/disaster/batches?eventNo=${eventNo}`)).json() as { items: { batchNo: string }[] };
    const batchNo = list.items[0]!.batchNo;
    const approveEarly = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/approve`, { date: '2015-07-21' });
    expect([approveEarly.statusCode, errorOf(approveEarly).code]).toEqual([409, 'sample_missing']);
    const s = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/sample`, { seed: 'test', date: '2015-07-21' });
    expect(s.statusCode, s.body).toBe(200);
    expect((s.json() as { sample: { sampled: number }; ratio: number }).sample.sampled).toBe(3); // ceil(9 × 0.3)
    expect((await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/sample`, { seed: 'again' })).statusCode).toBe(409);
    const sampled = (await call('duyun.approver', 'GET', `/disaster/batches/${batchNo}/households?sampled=true`)).json() as { items: { householdNo: string }[] };
    expect(sampled.items).toHaveLength(3);
    const notYet = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/notice`, { from: '2015-07-22' });
    expect([notYet.statusCode, errorOf(notYet).code]).toEqual([409, 'checks_missing']);
    const noReason = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/checks`, { householdNo: sampled.items[0]!.householdNo, result: 'removed' });
    expect(fieldsOf(noReason)).toContain('reason');
    const notSampled = members(sampled.items.map((i) => i.householdNo));
    const wrong = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/checks`, { householdNo: notSampled, result: 'confirmed' });
    expect(fieldsOf(wrong)).toContain('householdNo');
    // one sampled household removed (its house was repaired by the insurer already), two confirmed
    const removed = sampled.items[0]!.householdNo;
    for (const [i, m] of sampled.items.entries()) {
      const body = i === 0 ? { householdNo: m.householdNo, result: 'removed', reason: '入户核查房屋未达损坏标准', date: '2015-07-22' } : { householdNo: m.householdNo, result: 'confirmed', date: '2015-07-22' };
      const r = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/checks`, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    const approveNoNotice = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/approve`, { date: '2015-07-22' });
    expect([approveNoNotice.statusCode, errorOf(approveNoNotice).code]).toEqual([409, 'notice_missing']);
    const n = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/notice`, { from: '2015-07-23' });
    expect(n.json()).toMatchObject({ status: 'notice', noticeTo: '2015-07-29', households: 8 });
    const during = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/approve`, { date: '2015-07-29' });
    expect(fieldsOf(during)).toContain('date');
    const decideEarly = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/decide`, {});
    expect([decideEarly.statusCode, errorOf(decideEarly).code]).toEqual([409, 'batch_state']);
    const ok = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/approve`, { date: '2015-07-30' });
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: 'duyun.approver' });
    const amount = (ok.json() as { amountFen: number }).amountFen;

    const d = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/decide`, { date: '2015-07-31' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'decided', decidedNow: 8, decidedHouseholds: 9 });
    const again = await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/decide`, {});
    expect(again.json()).toMatchObject({ status: 'decided', decidedNow: 0 });
    expect(await count(`select count(*) as n from cases where programme = 'disaster' and state = 'granted' and phase = 'granted'`)).toBe(8);
    expect(await count(`select count(distinct source_key) as n from cases where programme = 'disaster'`)).toBe(8);
    expect(await count(`select count(*) as n from cases c join households h on h.county_code = c.county_code and h.id = c.household_id where h.household_no = '${removed}' and c.programme = 'disaster'`)).toBe(0);
    expect(await count(`select coalesce(sum(amount_fen), 0) as n from entitlements where programme = 'disaster' and schedule = 'one_off' and from_month = '2015-08'`)).toBe(amount);
    const caseNo = (await sql<{ case_no: string }>`select case_no from cases where programme = 'disaster' limit 1`.execute(t.db.kysely)).rows[0]!.case_no;
    expect(caseNo).toMatch(/^ZH5227012015\d{6}$/);
    const listed = (await call('duyun.approver', 'GET', `/disaster/batches/${batchNo}/households?limit=20`)).json() as { items: { householdNo: string; caseNo: string | null }[] };
    expect(listed.items.filter((m) => m.caseNo !== null)).toHaveLength(8);
    expect(listed.items.find((m) => m.householdNo === removed)?.caseNo).toBeNull();
    const c = (await call('guanghui.caseworker', 'GET', `/cases/${caseNo}`)).json() as { programmeLabel: string; stateLabel?: string; decisions: { amountFen: number }[] };
    expect(c.programmeLabel).toBe('受灾人员救助');
    expect(c.decisions[0]!.amountFen).toBeGreaterThan(0);

    const run = await call('duyun.approver', 'POST', '/payroll/runs', { period: '2015-08', countyCode: '522701' });
    expect(run.statusCode, run.body).toBe(200);
    expect(await count(`select coalesce(sum(one_off_fen), 0) as n from payroll_lines where programme = 'disaster'`)).toBe(amount);
    // a void after the decision is refused; the audit has every step
    expect((await call('duyun.approver', 'POST', `/disaster/batches/${batchNo}/void`, { reason: '重复编制' })).statusCode).toBe(409);
    const actions = (await sql<{ action: string }>`select distinct action from audit_log where entity = 'disaster_batch'`.execute(t.db.kysely)).rows.map((r) => r.action).sort();
    expect(actions).toEqual(['disaster.batch.approve', 'disaster.batch.check', 'disaster.batch.create', 'disaster.batch.decide', 'disaster.batch.notice', 'disaster.batch.sample']);
  });

  it('gives emergency relief without a prior notice, and a township sees only its own households', async () => {
    const b = await call('duyun.approver', 'POST', '/disaster/batches', { kind: 'emergency', eventNo, date: '2015-07-16' });
    expect(b.statusCode, b.body).toBe(200);
    const batch = b.json() as { batchNo: string; needsNotice: boolean; amountFen: number; persons: number };
    expect(batch.needsNotice).toBe(false);
    // within 24 hours of the flood (2015-07-15): due 2015-07-16, drafted that day
    expect(b.json()).toMatchObject({ emergencyDue: '2015-07-16', emergencyLate: false });
    expect(batch.amountFen).toBe(batch.persons * 30_000);
    await call('duyun.approver', 'POST', `/disaster/batches/${batch.batchNo}/sample`, { seed: 'e', date: '2015-07-16' });
    const sampled = (await call('duyun.approver', 'GET', `/disaster/batches/${batch.batchNo}/households?sampled=true`)).json() as { items: { householdNo: string }[] };
    for (const m of sampled.items) await call('duyun.approver', 'POST', `/disaster/batches/${batch.batchNo}/checks`, { householdNo: m.householdNo, result: 'confirmed', date: '2015-07-16' });
    const notice = await call('duyun.approver', 'POST', `/disaster/batches/${batch.batchNo}/notice`, { from: '2015-07-16' });
    expect([notice.statusCode, errorOf(notice).code]).toEqual([409, 'no_notice']);
    expect((await call('duyun.approver', 'POST', `/disaster/batches/${batch.batchNo}/approve`, { date: '2015-07-16' })).json()).toMatchObject({ status: 'approved' });
    const township = (await call('guanghui.caseworker', 'GET', `/disaster/batches/${batch.batchNo}/households`)).json() as { items: unknown[] };
    expect(township.items.length).toBe(10);
    expect((await call('guanghui.caseworker', 'POST', `/disaster/batches/${batch.batchNo}/decide`, {})).statusCode).toBe(403);
  });

  function members(sampled: string[]): string {
    return households.slice(0, 9).find((h) => !sampled.includes(h))!;
  }
});
