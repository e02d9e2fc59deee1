// 医疗救助 claims through the API: the window records the hospital bill, the amount follows the group's
// ratio, cap and 倾斜 with the year's running total (so a second claim stops at the cap), the township
// approves within its amount and the county above it, the payment goes out once through the payroll, an
// episode settled at the hospital is never paid again, and a referral to 医保 is answered by a claim.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, tokenFor } from '../../test/http.ts';
import { ENGINE } from '../../test/db.ts';
import { caller, makeHousehold, stepper } from '../cases/testing.ts';
import { addCase, addDecision } from '../payroll/testing.ts';

const bill = (extra: Record<string, unknown> = {}) => ({
  kind: 'inpatient', diagnosis: '肺炎', hospital: '都匀市人民医院', admittedOn: '2021-08-02', dischargedOn: '2021-08-10',
  totalCostFen: 1_000_000, basicInsuranceFen: 600_000, eligibleSelfPayFen: 400_000, ...extra,
});

describe(`医疗救助 claims (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens = async () => ({
    township: await tokenFor(t.built, 'guanghui.caseworker'),
    county: await tokenFor(t.built, 'duyun.approver'),
    medical: await tokenFor(t.built, 'duyun.medical'),
  });
  const householdId = async (householdNo: string) =>
    (await t.db.kysely.selectFrom('households').select(['id']).where('household_no', '=', householdNo).executeTakeFirstOrThrow()).id;
  /** A 低保 household of 广惠社区 (two urban adults), in payment since January 2015. */
  const dibaoHousehold = async (township: string) => {
    const h = await makeHousehold(t.built, township, '522701001001');
    const c = await addCase(t.db, { county: '522701', householdId: await householdId(h.householdNo), programme: 'dibao' });
    await addDecision(t.db, { county: '522701', caseId: c.caseId }, { kind: 'approve', effectiveMonth: '2015-01', amountFen: 50_000 });
    return h;
  };
  const claim = async (token: string, body: object) => caller(t.built)('POST', '/medical/claims', token, body);
  const count = async (table: 'cases' | 'medical_episodes') => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]!.n);

  it('assesses a 低保 member\'s inpatient claims against the year\'s cap: the second stops at it, with 倾斜 beyond; township within its amount, county above', async () => {
    const k = await tokens();
    const s = stepper(t.built);
    const h = await dibaoHousehold(k.township);
    const first = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-08-12', details: bill() });
    expect(first.statusCode, first.body).toBe(200);
    const c1 = first.json() as { caseNo: string; state: string; dueDate: string };
    expect(c1.caseNo).toMatch(/^YL5227012021\d{6}$/);
    // cn-2021, 低保: no deductible; 4000 × 70% = 2800 yuan, within the township's 3000.
    await s.step(k.township, c1.caseNo, 'approve_township', { date: '2021-08-13' });
    const d1 = (await s.call('GET', `/cases/${c1.caseNo}`, k.township)).json() as { decisions: { amountFen: number }[]; programmeLabel: string };
    expect(d1.programmeLabel).toBe('医疗救助');
    expect(d1.decisions[0]?.amountFen).toBe(280_000);

    // Second stay: 40000 yuan self-paid → 28000 by the ratio, but only 30000 − 2800 = 27200 left under the cap;
    // the burden left, 40000 − 27200 = 12800, is 2800 above the 10000 threshold → 倾斜 1400; 28600 in all.
    const second = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-09-06',
      details: bill({ hospital: '黔南州人民医院', admittedOn: '2021-08-20', dischargedOn: '2021-09-02', totalCostFen: 10_000_000, basicInsuranceFen: 6_000_000, eligibleSelfPayFen: 4_000_000 }) });
    const c2 = second.json() as { caseNo: string };
    const above = await s.refused(k.township, c2.caseNo, 'approve_township', { date: '2021-09-06' });
    expect(above).toMatchObject({ status: 409, code: 'above_township_limit' });
    expect(above.message).toContain('28600.00');
    await s.step(k.township, c2.caseNo, 'submit_to_county', { date: '2021-09-06' });
    await s.step(k.county, c2.caseNo, 'approve', { date: '2021-09-07' });
    const d2 = (await s.call('GET', `/cases/${c2.caseNo}`, k.county)).json() as { decisions: { amountFen: number; explanation: { value: { ordinary: number; tilt: number; capHit: boolean } } }[] };
    expect(d2.decisions[0]).toMatchObject({ amountFen: 2_860_000, explanation: { value: { ordinary: 2_720_000, tilt: 140_000, capHit: true } } });

    // The person's year as the claims page shows it.
    const year = (await s.call('POST', '/medical/person-year', k.township, { idNumber: h.headId, year: 2021 })).json() as { totals: Record<string, number>; episodes: { statusLabel: string }[] };
    expect(year.totals).toMatchObject({ inpatientFen: 3_000_000, tiltFen: 140_000, totalFen: 3_140_000, times: 2 });
    expect(year.episodes.map((e) => e.statusLabel)).toEqual(['已救助', '已救助']);

    // Paid once, through the county's payroll of the decisions' month.
    const run = await s.call('POST', '/payroll/runs', k.county, { period: '2021-09', countyCode: '522701' });
    expect(run.statusCode, run.body).toBe(200);
    const lines = (await sql<{ one_off_fen: string }>`select l.one_off_fen from payroll_lines l where l.programme = 'medical' and l.id_number = ${h.headId}`.execute(t.db.kysely)).rows;
    expect(lines.map((l) => Number(l.one_off_fen)).reduce((a, b) => a + b, 0)).toBe(280_000 + 2_860_000);
  });

  it('never pays again an episode the hospital settled (一站式), and refuses a second claim of the same stay', async () => {
    const k = await tokens();
    const h = await dibaoHousehold(k.township);
    const m = await t.db.kysely.selectFrom('members').select(['id', 'household_id', 'name']).where('id_number', '=', h.headId).executeTakeFirstOrThrow();
    const imp = await sql<{ id: number }>`insert into medical_settlement_imports (county_code, import_no, file_name, rows, amount_fen, imported_by)
      values ('522701', 'JS5227012021999001', 'test.xlsx', 1, 150000, 'test') returning id`.execute(t.db.kysely);
    await sql`insert into medical_episodes (county_code, source, import_id, row_no, settlement_no, area_code, household_id, member_id, name, id_number, "group", kind, hospital,
      admitted_on, discharged_on, year, total_cost_fen, basic_insurance_fen, eligible_self_pay_fen, assistance_fen, settled_on, status)
      values ('522701', 'settlement', ${imp.rows[0]!.id}, 2, 'ZY20210815001', '522701001001', ${m.household_id}, ${m.id}, ${m.name}, ${h.headId}, 'dibao', 'inpatient', '都匀市人民医院',
      '2021-08-02', '2021-08-10', 2021, 1000000, 600000, 400000, 280000, '2021-08-10', 'paid')`.execute(t.db.kysely);
    const before = [await count('cases'), await count('medical_episodes')];
    const res = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-08-12', details: bill() });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'episode_settled' } });
    expect((res.json() as { error: { message: string } }).error.message).toContain('ZY20210815001');
    expect([await count('cases'), await count('medical_episodes')]).toEqual(before);

    // The settled 2800 counts toward the cap of a later claim of the year.
    const later = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-09-06',
      details: bill({ admittedOn: '2021-09-01', dischargedOn: '2021-09-03', totalCostFen: 10_000_000, basicInsuranceFen: 6_000_000, eligibleSelfPayFen: 4_000_000 }) });
    const s = stepper(t.built);
    const c = (later.json() as { caseNo: string }).caseNo;
    const again = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-09-06',
      details: bill({ admittedOn: '2021-09-01', dischargedOn: '2021-09-03', totalCostFen: 10_000_000, basicInsuranceFen: 6_000_000, eligibleSelfPayFen: 4_000_000 }) });
    expect(again.json()).toMatchObject({ error: { code: 'episode_claimed' } });
    await s.step(k.township, c, 'submit_to_county', { date: '2021-09-06' });
    await s.step(k.county, c, 'approve', { date: '2021-09-07' });
    const d = (await s.call('GET', `/cases/${c}`, k.county)).json() as { decisions: { explanation: { value: { ordinary: number } } }[] };
    expect(d.decisions[0]?.explanation.value.ordinary).toBe(3_000_000 - 280_000);
  });

  it('refuses someone who is neither a recipient nor declared 低保边缘, assesses a declared one at its ratio, and a refused claim frees its episode', async () => {
    const k = await tokens();
    const s = stepper(t.built);
    const h = await makeHousehold(t.built, k.township, '522701001001');
    const c = (await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-08-12', details: bill() })).json() as { caseNo: string };
    expect(await s.refused(k.township, c.caseNo, 'approve_township', { date: '2021-08-13' })).toMatchObject({ status: 409, code: 'not_medical_recipient' });
    await s.step(k.township, c.caseNo, 'reject', { date: '2021-08-13', reason: '不属于医疗救助对象' });
    // The refused claim's episode is void: a claim of the same stay as 低保边缘 may be recorded.
    const near = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-08-13', details: bill({ nearDibao: true }) });
    expect(near.statusCode, near.body).toBe(200);
    const n = (near.json() as { caseNo: string }).caseNo;
    await s.step(k.township, n, 'approve_township', { date: '2021-08-14' });
    const d = (await s.call('GET', `/cases/${n}`, k.township)).json() as { decisions: { amountFen: number }[] };
    // 低保边缘 cn-2021: 4000 − 1000 deductible = 3000 × 60% = 1800 yuan.
    expect(d.decisions[0]?.amountFen).toBe(180_000);
  });

  it('names the field of a bad bill, and writes nothing', async () => {
    const k = await tokens();
    const h = await makeHousehold(t.built, k.township, '522701001001');
    const before = [await count('cases'), await count('medical_episodes')];
    const noHospital = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, details: bill({ hospital: undefined }) });
    expect(noHospital.statusCode).toBe(400);
    expect(noHospital.body).toContain('details.hospital');
    const tooMuch = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, details: bill({ eligibleSelfPayFen: 500_000 }) });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.body).toContain('details.eligibleSelfPayFen');
    const negative = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, details: bill({ totalCostFen: -1 }) });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('details.totalCostFen');
    expect([await count('cases'), await count('medical_episodes')]).toEqual(before);
  });

  it('answers the one-window referral to 医保 with a claim; the partner sees it closed by the decision, and no claims list', async () => {
    const k = await tokens();
    const s = stepper(t.built);
    const h = await dibaoHousehold(k.township);
    const req = await s.call('POST', '/intake/requests', k.township, {
      channel: 'window', receivedOn: '2021-08-11', person: { householdNo: h.householdNo, idNumber: h.headId }, description: '住院费用负担重',
      assessment: { householdSize: 2, workCapacity: 'partial' }, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }],
    });
    expect(req.statusCode, req.body).toBe(201);
    const referralId = (req.json() as { parts: { referralId: number }[] }).parts[0]!.referralId;
    const wrongPerson = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: (await makeHousehold(t.built, k.township, '522701001001')).headId, details: bill(), referralId });
    expect(wrongPerson.statusCode).toBe(400);
    const c = await claim(k.township, { householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2021-08-12', details: bill(), referralId });
    expect(c.statusCode, c.body).toBe(200);
    const caseNo = (c.json() as { caseNo: string }).caseNo;
    const seen = (await s.call('GET', `/intake/referrals/${referralId}`, k.medical)).json() as { status: string; caseNo: string };
    expect(seen).toMatchObject({ status: 'accepted', caseNo });
    await s.step(k.township, caseNo, 'approve_township', { date: '2021-08-13' });
    const closed = (await s.call('GET', `/intake/referrals/${referralId}`, k.medical)).json() as { status: string; outcome: string; result: string };
    expect(closed).toMatchObject({ status: 'closed', outcome: 'assisted' });
    expect(closed.result).toContain('2800.00');
    expect((await s.call('GET', '/medical/claims', k.medical)).statusCode).toBe(403);
    const list = (await s.call('GET', '/medical/claims?status=paid&year=2021', k.township)).json() as { items: { caseNo: string; idNumber: string; kindLabel: string; areaName: string }[] };
    const item = list.items.find((x) => x.caseNo === caseNo);
    expect(item).toMatchObject({ kindLabel: '住院' });
    expect(item?.idNumber).not.toBe(h.headId);
    expect(item?.areaName).not.toMatch(/^\d+$/);
  });
});
