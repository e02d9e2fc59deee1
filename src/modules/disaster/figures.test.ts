// 受灾人员救助 and 政策性农房保险 in the figures: an event's relief decided by batches through the API, its damage
// register, goods and an insurance claim paid — the event's own figures (救助统计) and the insurance module's
// figures of the event, scoped to the caller's subtree; the statistics of the year (the disaster programme's
// section: figures by kind, houses, insured households, claims and amount paid; its chart and table; the
// roll-up marked dirty by the insurance tables' triggers) and the annual report's paragraph in the seed's form.
import JSZip from 'jszip';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';
import type { FiguresResult } from '../stats/contract.ts';
import type { EventFigures } from './contract.ts';
import type { EventInsuranceFigures } from '../housing-insurance/contract.ts';

const GUANGHUI = '522701001';
const WENFENG = '522701002';
const VILLAGE = `${GUANGHUI}001`;
const WENFENG_VILLAGE = `${WENFENG}001`;
const sums = { reinforced_concrete: 3_000_000, brick_concrete: 2_500_000, brick_wood: 2_000_000, earth_wood: 1_500_000, other: 1_000_000 };

describe(`disaster figures (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const r = await call(who, method, url, payload);
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.json() as Record<string, unknown>;
  };
  let eventNo = '';
  const homes: string[] = [];

  const damage = async (householdNo: string, grade: string, type: string, persons: number) => {
    await sql`insert into disaster_damage_entries (county_code, event_id, household_id, area_code, persons_affected, house_grade, house_structure,
        household_type, status, recorded_on, recorded_by, first_verified_by, first_verified_on, second_verified_by, second_verified_on)
      select '522701', e.id, h.id, h.village_code, ${persons}, ${grade}, 'brick_wood', ${type}, 'verified', '2015-07-16', 'guanghui.caseworker',
        'guanghui.caseworker', '2015-07-16', 'duyun.approver', '2015-07-17'
      from disaster_events e, households h where e.event_no = ${eventNo} and h.household_no = ${householdNo}`.execute(t.db.kysely);
  };

  /** A batch through the API to decided: drafted, sampled, every sampled household confirmed, notice when needed, approved, decided. */
  const decided = async (body: object, d: { sample: string; notice?: string; approve: string }) => {
    const b = await ok('duyun.approver', 'POST', '/disaster/batches', body) as { batchNo: string; persons: number; amountFen: number; households: number };
    await ok('duyun.approver', 'POST', `/disaster/batches/${b.batchNo}/sample`, { seed: 'figures', date: d.sample });
    const sampled = await ok('duyun.approver', 'GET', `/disaster/batches/${b.batchNo}/households?sampled=true`) as { items: { householdNo: string }[] };
    for (const m of sampled.items) await ok('duyun.approver', 'POST', `/disaster/batches/${b.batchNo}/checks`, { householdNo: m.householdNo, result: 'confirmed', date: d.sample });
    if (d.notice) await ok('duyun.approver', 'POST', `/disaster/batches/${b.batchNo}/notice`, { from: d.notice });
    await ok('duyun.approver', 'POST', `/disaster/batches/${b.batchNo}/approve`, { date: d.approve });
    expect(await ok('duyun.approver', 'POST', `/disaster/batches/${b.batchNo}/decide`, { date: d.approve })).toMatchObject({ status: 'decided' });
    return b;
  };

  const stats = async () => {
    const f = await ok('qiannan.admin', 'GET', '/stats/figures?area=522701&year=2015') as unknown as FiguresResult;
    return f.programmes.find((p) => p.code === 'disaster')!;
  };
  const valuesOf = (figures: { key: string; value: number | null }[]) => Object.fromEntries(figures.map((x) => [x.key, x.value]));

  it('counts an event’s relief by kind, houses, damage and goods, in the caller’s subtree', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'wenfeng.caseworker', 'qiannan.admin']) tokens[u] = await tokenFor(t.built, u);
    eventNo = (await ok('duyun.approver', 'POST', '/disaster/events', { kind: 'flood', name: '“7·15”洪涝灾害', startedOn: '2015-07-15', areas: [GUANGHUI, WENFENG] })).eventNo as string;
    for (let i = 0; i < 4; i++) homes.push((await makeHousehold(t.built, tokens['duyun.approver']!, VILLAGE, { hukou: 'rural' })).householdNo);
    homes.push((await makeHousehold(t.built, tokens['duyun.approver']!, WENFENG_VILLAGE, { hukou: 'rural' })).householdNo);
    // 广惠: collapsed (低保户, 2 persons), serious (3), general (1), undamaged (2); 文峰: general (4)
    const entries: [string, string, number][] = [['collapsed', 'dibao', 2], ['serious', 'ordinary', 3], ['general', 'ordinary', 1], ['none', 'ordinary', 2], ['general', 'ordinary', 4]];
    for (const [i, [g, type, n]] of entries.entries()) await damage(homes[i]!, g, type, n);

    const before = await ok('duyun.approver', 'GET', `/disaster/events/${eventNo}/figures`) as unknown as EventFigures;
    expect(before.total).toEqual({ households: 0, persons: 0, amountFen: 0 });
    expect(before.relief.map((r) => r.kind)).toEqual(['emergency', 'transitional', 'housing', 'bereavement']);

    const emergency = await decided({ kind: 'emergency', eventNo, date: '2015-07-16', payMonth: '2015-07' }, { sample: '2015-07-16', approve: '2015-07-16' });
    expect(emergency.amountFen).toBe(emergency.persons * 30_000);
    // 倒塌 20000 + 低保 10000, 严重 6000, 一般 2000 × 2 = 40000 yuan
    const housing = await decided({ kind: 'housing', eventNo, date: '2015-07-20', payMonth: '2015-08' }, { sample: '2015-07-21', notice: '2015-07-23', approve: '2015-07-30' });
    expect([housing.households, housing.persons, housing.amountFen]).toEqual([4, 10, 4_000_000]);
    await ok('duyun.approver', 'POST', `/disaster/events/${eventNo}/goods`, { householdNo: homes[0], item: 'quilt', quantity: 2, issuedOn: '2015-07-16' });
    await ok('duyun.approver', 'POST', `/disaster/events/${eventNo}/goods`, { householdNo: homes[4], item: 'rice', quantity: 25, issuedOn: '2015-07-17' });

    const f = await ok('duyun.approver', 'GET', `/disaster/events/${eventNo}/figures`) as unknown as EventFigures;
    const kind = (k: string) => f.relief.find((r) => r.kind === k)!;
    expect(kind('emergency')).toMatchObject({ kindLabel: '应急救助', batches: 1, households: emergency.households, persons: emergency.persons, amountFen: emergency.amountFen });
    expect(kind('housing')).toMatchObject({ kindLabel: '倒损住房恢复重建', batches: 1, households: 4, persons: 10, amountFen: 4_000_000 });
    expect(kind('transitional')).toMatchObject({ households: 0, amountFen: 0 });
    expect(f.total).toEqual({ households: 5, persons: emergency.persons + 10, amountFen: emergency.amountFen + 4_000_000 });
    expect(f.houses).toEqual({ rebuilt: 1, rebuiltFen: 3_000_000, repaired: 3, repairedFen: 1_000_000 });
    expect(Object.fromEntries(f.damage.byGrade.map((g) => [g.grade, g.households]))).toEqual({ collapsed: 1, serious: 1, general: 2, none: 1 });
    expect(f.damage.byStatus.find((s) => s.status === 'verified')).toMatchObject({ statusLabel: '已核查', households: 5, persons: 12 });
    expect(f.goods).toEqual([
      { item: 'quilt', itemLabel: '棉被', unit: '条', quantity: 2, households: 1 },
      { item: 'rice', itemLabel: '大米', unit: '公斤', quantity: 25, households: 1 },
    ]);

    // 文峰's caseworker sees the event, and only its own household
    const w = await ok('wenfeng.caseworker', 'GET', `/disaster/events/${eventNo}/figures`) as unknown as EventFigures;
    expect([w.total.households, w.relief.find((r) => r.kind === 'housing')!.amountFen, w.houses.repaired, w.houses.rebuilt]).toEqual([1, 200_000, 1, 0]);
    expect(w.damage.byGrade.find((g) => g.grade === 'general')!.households).toBe(1);
    expect(w.goods.map((g) => g.item)).toEqual(['rice']);
    // another county's approver: as if the event did not exist
    const missing = await call('duyun.approver', 'GET', `/disaster/events/${eventNo.replace(/\d{6}$/, '999999')}/figures`);
    expect(missing.statusCode).toBe(404);
  });

  it('puts the relief in the year’s statistics: figures by kind, chart series, table columns', async () => {
    const d = await stats();
    const f = valuesOf(d.total);
    const ev = await ok('duyun.approver', 'GET', `/disaster/events/${eventNo}/figures`) as unknown as EventFigures;
    const em = ev.relief.find((r) => r.kind === 'emergency')!;
    expect(f).toMatchObject({
      persons: em.persons + 10, households: 9, amount: em.amountFen + 4_000_000, emergencyPersons: em.persons, emergencyAmount: em.amountFen,
      housingPersons: 10, housingAmount: 4_000_000, rebuilt: 1, repaired: 3, transitionalPersons: 0, winterSpringPersons: 0,
      insuredHouseholds: 0, claimsPaid: 0, insurancePaid: 0,
    });
    expect(d.kpis).toEqual(['persons', 'amount']);
    const guanghui = valuesOf(d.units.find((u) => u.code === GUANGHUI)!.figures);
    const wenfeng = valuesOf(d.units.find((u) => u.code === WENFENG)!.figures);
    expect([guanghui.repaired, wenfeng.repaired, guanghui.rebuilt, wenfeng.housingAmount]).toEqual([2, 1, 1, 200_000]);
    expect(d.charts.map((c) => [c.key, c.series.map((s) => s.figure)])).toEqual([
      ['persons', ['emergencyPersons', 'transitionalPersons', 'housingPersons', 'winterSpringPersons', 'bereavementPersons']],
      ['houses', ['rebuilt', 'repaired', 'claimsPaid']],
    ]);
    expect(d.table.columns.map((c) => c.figure)).toContain('insurancePaid');
  });

  it('adds insured households and paid claims to the roll-up as the insurance tables change, and the report says so', async () => {
    await ok('duyun.approver', 'POST', '/housing-insurance/policies', {
      year: 2015, policyNo: 'PICC-QN-2015-0009', insurer: '中国人民财产保险股份有限公司都匀市支公司', premiumFen: 2_000, governmentPermille: 900,
      perils: ['flood'], sums, coverageFrom: '2015-03-01', coverageTo: '2015-12-31',
    });
    expect(await ok('duyun.approver', 'POST', '/housing-insurance/policies/522701/2015/insured/generate')).toMatchObject({ added: 5 });
    let f = valuesOf((await stats()).total);
    expect([f.insuredHouseholds, f.claimsPaid]).toEqual([5, 0]);
    // the collapsed house: 砖木 20000 yuan × 100%, paid in August
    const c = await ok('duyun.approver', 'POST', '/housing-insurance/claims', { eventNo, householdNo: homes[0], reportedOn: '2015-07-20' }) as { claimNo: string };
    await ok('duyun.approver', 'POST', `/housing-insurance/claims/${c.claimNo}/assess`, { grade: 'collapsed', lossFen: 3_000_000, assessedOn: '2015-07-25' });
    expect(valuesOf((await stats()).total).claimsPaid).toBe(0);
    await ok('duyun.approver', 'POST', `/housing-insurance/claims/${c.claimNo}/pay`, { paidFen: 2_000_000, paidOn: '2015-08-03', paymentRef: 'PAY-9' });
    // a claim of 文峰's house, reported only
    await ok('duyun.approver', 'POST', '/housing-insurance/claims', { eventNo, householdNo: homes[4], reportedOn: '2015-07-21' });

    const d = await stats();
    f = valuesOf(d.total);
    expect([f.insuredHouseholds, f.claimsPaid, f.insurancePaid]).toEqual([5, 1, 2_000_000]);
    // the read refreshed the villages the claims' and insured households' triggers marked
    const { rows } = await sql<{ area_code: string; metric: string; period: string; value: string }>`select area_code, metric, period, value::text from stats_rollup
      where metric like 'disaster.%.insur%' order by metric, area_code`.execute(t.db.kysely);
    expect(rows.map((r) => [r.area_code, r.metric, r.period, Number(r.value)])).toEqual([
      [VILLAGE, 'disaster.rural.insurance_claims_paid', '2015-08', 1],
      [VILLAGE, 'disaster.rural.insurance_paid_fen', '2015-08', 2_000_000],
      [VILLAGE, 'disaster.rural.insured_households', '2015-03', 4],
      [WENFENG_VILLAGE, 'disaster.rural.insured_households', '2015-03', 1],
    ]);
    expect(valuesOf(d.units.find((u) => u.code === WENFENG)!.figures)).toMatchObject({ insuredHouseholds: 1, claimsPaid: 0 });

    // the event's insurance, from the housing-insurance module; 文峰 sees its reported claim only
    const ins = await ok('duyun.approver', 'GET', `/housing-insurance/events/${eventNo}/figures`) as unknown as EventInsuranceFigures;
    expect(ins).toEqual({ eventNo, eventName: '“7·15”洪涝灾害', claims: 2, reportedClaims: 1, assessedClaims: 0, paidClaims: 1, refusedClaims: 0, payableFen: 2_000_000, paidFen: 2_000_000 });
    expect(await ok('wenfeng.caseworker', 'GET', `/housing-insurance/events/${eventNo}/figures`)).toMatchObject({ claims: 1, paidClaims: 0, paidFen: 0 });
    expect((await call('duyun.approver', 'GET', `/housing-insurance/events/${eventNo.replace(/\d{6}$/, '999999')}/figures`)).statusCode).toBe(404);

    const doc = await call('qiannan.admin', 'GET', '/stats/report.docx?area=522701&year=2015');
    expect(doc.statusCode).toBe(200);
    const text = (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const amount = ((f.amount ?? 0) / 1_000_000).toFixed(2);
    expect(text).toContain(`2015年全县发放自然灾害救助、冬春救助资金${amount}万元，救助受灾群众${f.persons}人次；其中应急救助${f.emergencyPersons}人次，过渡期生活救助0人次，`
      + '恢复重建倒房1户、维修损房3户，冬春生活救助0人、资金0.00万元。全年政策性农房保险参保5户，理赔农房1户，兑付保险金2.00万元。');
  });
});
