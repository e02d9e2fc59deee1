// 集中供养 placements through the API: an institutional 特困 approval opens a pending placement and pays
// the institution (entitlement and payroll line); the institution admits (refused when full, also when
// two admissions race for the last bed), transfers, discharges; a death closes the placement and starts
// the case's death review; another county's placement answers as a missing one.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE } from '../../test/db.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold, stepper, verification, visit } from '../cases/testing.ts';
import { runPayroll } from '../payroll/index.ts';
import type { Placement, PlacementList } from './contract.ts';
import { followDecision } from './service/lifecycle.ts';
import { hardshipCase } from './testing.ts';

const ITEMS = { eating: true, dressing: true, bedTransfer: true, toileting: false, indoorWalking: true, bathing: false };

describe(`集中供养 placements (${ENGINE})`, () => {
  const t = useTestApp();
  const k = async () => ({ township: await tokenFor(t.built, 'guanghui.caseworker'), county: await tokenFor(t.built, 'duyun.approver') });
  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) => stepper(t.built).call(method, url, token, payload);
  const newHome = async (token: string, name: string, beds: number) => {
    const res = await call('POST', '/institutions', token, { countyCode: '522701', name, beds });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  /** A quick 特困 case with a pending placement in the home (as the approval's hook would open it). */
  const pendingIn = async (token: string, home: number) => {
    const c = await hardshipCase(t.db, t.built, token, { selfCare: ITEMS, support: { mode: 'institutional', institutionId: home, hasLegalSupporter: false, supporterAble: false } });
    await t.db.kysely.transaction().execute((tx) => followDecision(tx, systemScope('test'), { countyCode: '522701', caseId: c.caseId, householdId: c.householdId, memberId: c.memberId, areaCode: c.areaCode }, home, '2015-06-01'));
    const p = await t.db.kysely.selectFrom('institution_placements').select('id').where('case_id', '=', c.caseId).executeTakeFirstOrThrow();
    return { ...c, placementId: Number(p.id) };
  };

  it('an institutional approval opens a pending placement, pays the institution, and the home admits the person; a death closes it and starts the death review', async () => {
    const { township, county } = await k();
    const s = stepper(t.built);
    const home = await newHome(county, '广惠街道敬老院', 20);
    const elder = memberInput({ idNumber: idNumber('1944-04-04', 'female'), name: '杨老太', sex: 'female', hukou: 'rural', workCapacity: 'none' });
    const h = await makeHousehold(t.built, township, '522701001001', { hukou: 'rural', members: [elder] });
    const c = (await s.call('POST', '/cases', township, { programme: 'hardship', householdNo: h.householdNo, applicantIdNumber: elder.idNumber, appliedOn: '2015-06-01' })).json() as { caseNo: string };
    await s.step(township, c.caseNo, 'home_visit', visit('2015-06-03'));
    await s.step(township, c.caseNo, 'verify_economic_status', verification('2015-06-03'));
    await s.step(township, c.caseNo, 'assess_self_care', { date: '2015-06-04', data: { date: '2015-06-04', assessor: '民政助理员', items: ITEMS } });
    await s.step(township, c.caseNo, 'township_review', { date: '2015-06-05', data: { supportMode: 'institutional', institutionId: home, hasLegalSupporter: false, supporterAble: false } });
    await s.step(township, c.caseNo, 'submit_to_county', { date: '2015-06-15' });
    const b = (await s.call('POST', '/cases/batches', county, { programme: 'hardship', caseNos: [c.caseNo], date: '2015-06-16' })).json() as { batchNo: string };
    const drawn = (await s.call('POST', `/cases/batches/${b.batchNo}/sample`, county, { seed: 'placements', date: '2015-06-16' })).json() as { cases: { caseNo: string; sampled: boolean }[] };
    for (const x of drawn.cases.filter((d) => d.sampled)) await s.step(county, x.caseNo, 'county_visit', visit('2015-06-16', ['张县审', '赵县核']));
    await s.step(county, c.caseNo, 'approve', { date: '2015-06-17' });

    // The pending placement, from the approval.
    const list = (await call('GET', `/placements?institution=${home}&status=pending`, township)).json() as PlacementList;
    expect(list.institution).toMatchObject({ name: '广惠街道敬老院', beds: 20, admitted: 0 });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ caseNo: c.caseNo, status: 'pending', requestedOn: '2015-06-17', name: '杨老太' });
    expect(list.items[0]!.idNumber).not.toBe(elder.idNumber);
    const id = list.items[0]!.id;

    // Paid to the institution (the parameter's demo default), in the entitlement and the payroll line.
    const ent = await t.db.kysely.selectFrom('entitlements as e').innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'e.county_code').onRef('c.id', '=', 'e.case_id'))
      .select(['e.payee', 'e.payee_name', 'e.payee_id_number', 'e.recipient_id']).where('c.case_no', '=', c.caseNo).executeTakeFirstOrThrow();
    expect(ent).toMatchObject({ payee: 'institution', payee_name: '广惠街道敬老院', payee_id_number: '' });
    await runPayroll(t.db, systemScope('test'), { period: '2015-07', countyCode: '522701' });
    const line = await sql<{ payee: string; net_fen: string }>`select payee, net_fen from payroll_lines where county_code = '522701' and period = '2015-07' and programme = 'hardship' and recipient_id = ${ent.recipient_id}`.execute(t.db.kysely);
    expect(line.rows).toHaveLength(1);
    expect(line.rows[0]!.payee).toBe('institution');

    // Admission: a bed, the self-care level of the assessment (2 of 6 unable: partial) and its care standard (0 in 2015).
    expect((await call('POST', `/placements/${id}/admit`, township, { date: '2015-06-10' })).statusCode).toBe(400);
    const admitted = await call('POST', `/placements/${id}/admit`, township, { date: '2015-07-01', bedLabel: '2-03' });
    expect(admitted.statusCode, admitted.body).toBe(200);
    expect(admitted.json()).toMatchObject({ status: 'admitted', admittedOn: '2015-07-01', bedLabel: '2-03', selfCareLevel: 'partial', careFeeFen: 0 });
    expect((await call('POST', `/placements/${id}/admit`, township, { date: '2015-07-02' })).json()).toMatchObject({ error: { code: 'placement_status' } });

    // Death: the placement closes with kind death and the case goes into its death review.
    const died = await call('POST', `/placements/${id}/death`, township, { date: '2015-09-10', recordedOn: '2015-09-11' });
    expect(died.statusCode, died.body).toBe(200);
    expect(died.json()).toMatchObject({ status: 'discharged', dischargeKind: 'death', dischargedOn: '2015-09-10', caseReviewStarted: true });
    const kase = (await s.call('GET', `/cases/${c.caseNo}`, township)).json() as { state: string; timeline: { action: string }[] };
    expect(kase.state).toBe('under_review');
    expect(kase.timeline.map((x) => x.action)).toContain('record_death');
    const audit = await sql<{ action: string }>`select action from audit_log where entity = 'placement' and entity_id = ${String(id)} order by id`.execute(t.db.kysely);
    expect(audit.rows.map((r) => r.action)).toEqual(['placement.request', 'placement.admit', 'placement.death']);
  });

  it('refuses to admit into a full institution (409 naming it), and two admissions racing for the last bed: one succeeds', async () => {
    const { township, county } = await k();
    const home = await newHome(county, '一床敬老院', 1);
    const a = await pendingIn(township, home);
    const b = await pendingIn(township, home);
    const results = await Promise.all([a, b].map((x) => call('POST', `/placements/${x.placementId}/admit`, township, { date: '2015-07-01' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!.json() as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('institution_full');
    expect(refused.error.message).toContain('一床敬老院');
    const admitted = await sql<{ n: number }>`select count(*)::int as n from institution_placements where institution_id = ${home} and status = 'admitted'`.execute(t.db.kysely);
    expect(admitted.rows[0]!.n).toBe(1);

    // The township's review choosing the full home is refused too.
    const s = stepper(t.built);
    const elder = memberInput({ idNumber: idNumber('1941-02-02', 'male'), name: '韦老汉', hukou: 'rural', workCapacity: 'none' });
    const h = await makeHousehold(t.built, township, '522701001001', { hukou: 'rural', members: [elder] });
    const c = (await s.call('POST', '/cases', township, { programme: 'hardship', householdNo: h.householdNo, applicantIdNumber: elder.idNumber, appliedOn: '2015-06-01' })).json() as { caseNo: string };
    await s.step(township, c.caseNo, 'home_visit', visit('2015-06-03'));
    await s.step(township, c.caseNo, 'verify_economic_status', verification('2015-06-03'));
    await s.step(township, c.caseNo, 'assess_self_care', { date: '2015-06-04', data: { date: '2015-06-04', assessor: '民政助理员', items: ITEMS } });
    const review = await s.refused(township, c.caseNo, 'township_review', { date: '2015-06-05', data: { supportMode: 'institutional', institutionId: home, hasLegalSupporter: false, supporterAble: false } });
    expect(review).toMatchObject({ status: 409, code: 'institution_full' });
    expect(review.message).toContain('一床敬老院');
  });

  it('transfers to another institution of the county (capacity checked there) and discharges', async () => {
    const { township, county } = await k();
    const from = await newHome(county, '甲敬老院', 5);
    const full = await newHome(county, '满员敬老院', 1);
    const to = await newHome(county, '乙敬老院', 5);
    const occupant = await pendingIn(township, full);
    expect((await call('POST', `/placements/${occupant.placementId}/admit`, township, { date: '2015-07-01' })).statusCode).toBe(200);
    const p = await pendingIn(township, from);
    expect((await call('POST', `/placements/${p.placementId}/admit`, township, { date: '2015-07-01', bedLabel: 'A1' })).statusCode).toBe(200);
    expect((await call('POST', `/placements/${p.placementId}/transfer`, township, { date: '2015-08-01', institutionId: full, reason: '就近照料' })).json()).toMatchObject({ error: { code: 'institution_full' } });
    const fuquanHome = await t.db.kysely.selectFrom('institutions').select('id').where('county_code', '=', '522702').executeTakeFirstOrThrow();
    expect((await call('POST', `/placements/${p.placementId}/transfer`, township, { date: '2015-08-01', institutionId: Number(fuquanHome.id), reason: '就近照料' })).statusCode).toBe(400);
    const moved = await call('POST', `/placements/${p.placementId}/transfer`, township, { date: '2015-08-01', institutionId: to, bedLabel: 'B2', reason: '就近照料' });
    expect(moved.statusCode, moved.body).toBe(200);
    const next = moved.json() as Placement;
    expect(next).toMatchObject({ institutionId: to, institutionName: '乙敬老院', status: 'admitted', admittedOn: '2015-08-01', bedLabel: 'B2', transferredFrom: p.placementId, selfCareLevel: 'partial' });
    expect((await call('GET', `/placements/${p.placementId}`, township)).json()).toMatchObject({ status: 'discharged', dischargeKind: 'transfer', dischargedOn: '2015-08-01', transferredTo: next.id });
    const out = await call('POST', `/placements/${next.id}/discharge`, township, { date: '2015-10-01', reason: '亲属接回赡养' });
    expect(out.json()).toMatchObject({ status: 'discharged', dischargeKind: 'discharge', dischargedOn: '2015-10-01', dischargeReason: '亲属接回赡养' });
    expect((await call('GET', `/placements?institution=${to}&status=admitted`, township)).json()).toMatchObject({ items: [], institution: { admitted: 0 } });
  });

  it('answers another county\'s placement and institution exactly as missing ones; the auditor reads but does not change', async () => {
    const { township, county } = await k();
    const home = await newHome(county, '丙敬老院', 3);
    const p = await pendingIn(township, home);
    const admin = await tokenFor(t.built, 'qiannan.admin');
    const fuquan = await call('POST', '/users', admin, { username: 'fuquan.place', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    expect(fuquan.statusCode, fuquan.body).toBe(201);
    const other = await tokenFor(t.built, 'fuquan.place', STRONG_PASSWORD);
    const outside = await call('GET', `/placements/${p.placementId}`, other);
    const missing = await call('GET', '/placements/999999', other);
    expect([outside.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(outside.body.replaceAll(String(p.placementId), 'ID')).toBe(missing.body.replaceAll('999999', 'ID'));
    expect((await call('POST', `/placements/${p.placementId}/admit`, other, { date: '2015-07-01' })).statusCode).toBe(404);
    expect((await call('GET', `/placements?institution=${home}`, other)).statusCode).toBe(404);
    expect((await call('GET', `/placements/occupancy?institution=${home}&from=2015-07-01&to=2015-07-31`, other)).statusCode).toBe(404);
    expect((await call('GET', '/placements/figures?area=522701&year=2015', other)).statusCode).toBe(404);
    const auditor = await tokenFor(t.built, 'qiannan.auditor');
    expect((await call('GET', `/placements/${p.placementId}`, auditor)).statusCode).toBe(200);
    expect((await call('POST', `/placements/${p.placementId}/admit`, auditor, { date: '2015-07-01' })).statusCode).toBe(403);
  });
});
