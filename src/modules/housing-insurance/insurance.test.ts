// 政策性农房保险 on the real database: a policy and its bad inputs named by field (nothing written), the
// insured households from the registry and the insurer's list (row errors, all-or-nothing), claims
// refused for an uninsured house, a peril not covered, an event outside the coverage, no damage entry and
// a second claim; assessment (verified entry only) and payment; the reconciliation's findings; figures;
// another county's claim answered exactly as a missing one.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';

const GUANGHUI = '522701001';
const VILLAGE = `${GUANGHUI}001`;
const WENFENG_VILLAGE = '522701002001';
const sums = { reinforced_concrete: 3_000_000, brick_concrete: 2_500_000, brick_wood: 2_000_000, earth_wood: 1_500_000, other: 1_000_000 };
const NAMES: Record<string, string> = { A: '王德发', B: '李秀英', C: '张国强', U: '陈城镇', D: '韦文峰' };
const BIRTHS: Record<string, string> = { A: '1960-01-02', B: '1961-02-03', C: '1962-03-04', U: '1963-04-05', D: '1964-05-06' };
const policy = {
  year: 2015, policyNo: 'PICC-QN-2015-0001', insurer: '中国人民财产保险股份有限公司都匀市支公司', premiumFen: 2_000, governmentPermille: 900,
  perils: ['flood', 'landslide', 'storm'], sums, coverageFrom: '2015-03-01', coverageTo: '2015-12-31',
};

describe(`housing insurance (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object | Buffer) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const homes: Record<string, { no: string; id: number }> = {};
  const events: Record<string, { no: string; id: number }> = {};
  const claimNos: Record<string, string> = {};

  const household = async (key: string, village: string, hukou: 'rural' | 'urban') => {
    const res = await call('duyun.approver', 'POST', '/households', householdInput(village, [memberInput({ name: NAMES[key], hukou, idNumber: idNumber(BIRTHS[key], 'male') })], { hukou }));
    expect(res.statusCode, res.body).toBe(201);
    const no = (res.json() as { householdNo: string }).householdNo;
    const row = await t.db.kysely.selectFrom('households').select('id').where('household_no', '=', no).executeTakeFirstOrThrow();
    homes[key] = { no, id: Number(row.id) };
  };
  const event = async (key: string, kind: string, startedOn: string) => {
    const res = await call('duyun.approver', 'POST', '/disaster/events', { kind, name: `${key}灾害`, startedOn, areas: [GUANGHUI, '522701002'] });
    expect(res.statusCode, res.body).toBe(200);
    const no = (res.json() as { eventNo: string }).eventNo;
    const row = await t.db.kysely.selectFrom('disaster_events').select('id').where('event_no', '=', no).executeTakeFirstOrThrow();
    events[key] = { no, id: Number(row.id) };
  };
  /** The damage register is another module's work in progress: its rows are written here directly. */
  const damage = async (ev: string, home: string, grade: string, structure: string, verified: boolean, area = VILLAGE) => {
    const v = verified ? sql`'verified', 'a', '2015-07-18', 'b', '2015-07-18'` : sql`'recorded', null, null, null, null`;
    await sql`insert into disaster_damage_entries (county_code, event_id, household_id, area_code, persons_affected, house_grade, house_structure, recorded_on, recorded_by,
      status, first_verified_by, first_verified_on, second_verified_by, second_verified_on)
      values ('522701', ${events[ev]!.id}, ${homes[home]!.id}, ${area}, 3, ${grade}, ${structure}, '2015-07-17', 'test', ${v})`.execute(t.db.kysely);
  };
  const report = (home: string, ev: string, reportedOn = '2015-07-20') => call('duyun.approver', 'POST', '/housing-insurance/claims', { eventNo: events[ev]!.no, householdNo: homes[home]!.no, reportedOn });

  it('records a policy; bad input is 400 naming the field and writes nothing; a second one is 409', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'wenfeng.caseworker', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await call('qiannan.admin', 'POST', '/users', { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);

    const bad: [object, string][] = [
      [{ ...policy, perils: ['meteor'] }, 'perils.0'],
      [{ ...policy, coverageTo: '2015-01-01' }, 'coverageTo'],
      [{ ...policy, sums: { ...sums, other: 0 } }, 'sums.other'],
      [{ ...policy, governmentPermille: 1200 }, 'governmentPermille'],
      [{ ...policy, premiumFen: -1 }, 'premiumFen'],
      [{ ...policy, policyNo: ' ' }, 'policyNo'],
      [{ ...policy, countyCode: '522702' }, 'countyCode'],
      [{ ...policy, coverageFrom: '2016-03-01', coverageTo: '2016-12-31' }, 'coverageFrom'],
    ];
    for (const [body, field] of bad) {
      const r = await call('duyun.approver', 'POST', '/housing-insurance/policies', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(fieldsOf(r), JSON.stringify(body)).toContain(field);
    }
    expect((await sql<{ n: number }>`select count(*)::int as n from housing_insurance_policies`.execute(t.db.kysely)).rows[0]!.n).toBe(0);
    expect((await call('guanghui.caseworker', 'POST', '/housing-insurance/policies', policy)).statusCode).toBe(403);
    const ok = await call('duyun.approver', 'POST', '/housing-insurance/policies', policy);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ countyName: '都匀市', governmentPremiumFen: 1_800, perilLabels: ['洪涝', '滑坡泥石流', '台风大风'], insured: 0 });
    const again = await call('duyun.approver', 'POST', '/housing-insurance/policies', { ...policy, policyNo: 'OTHER' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'insurance_policy_exists']);
  });

  it('insures the rural households from the registry, and takes the insurer list all or nothing', async () => {
    await household('A', VILLAGE, 'rural');
    await household('B', VILLAGE, 'rural');
    await household('C', VILLAGE, 'rural');
    await household('U', VILLAGE, 'urban');
    await household('D', WENFENG_VILLAGE, 'rural');
    const gen = await call('duyun.approver', 'POST', '/housing-insurance/policies/522701/2015/insured/generate');
    expect(gen.statusCode, gen.body).toBe(200);
    expect(gen.json()).toEqual({ added: 4, total: 4 });
    expect((await call('duyun.approver', 'POST', '/housing-insurance/policies/522701/2015/insured/generate')).json()).toEqual({ added: 0, total: 4 });

    const badFile = Buffer.from(`户编号,户主身份证号,房屋结构\n${homes.A!.no},,砖木\n52270199999999,,砖混\n${homes.U!.no},,砖混\n${homes.A!.no},,土木\n${homes.B!.no},,草房\n`);
    const bad = await call('duyun.approver', 'POST', '/housing-insurance/policies/522701/2015/insured/import?format=csv', badFile);
    expect([bad.statusCode, errorOf(bad).code]).toEqual([400, 'insured_list_rejected']);
    expect(fieldsOf(bad)).toEqual(['row 3.户编号', 'row 4.户编号', 'row 5.户编号', 'row 6.房屋结构']);
    const report = await call('duyun.approver', 'POST', '/housing-insurance/policies/522701/2015/insured/import/error-report?format=csv', badFile);
    expect(report.statusCode).toBe(200);
    expect((await sql<{ n: number }>`select count(*)::int as n from housing_insurance_insured where structure is not null`.execute(t.db.kysely)).rows[0]!.n).toBe(0);

    const good = await call('duyun.approver', 'POST', '/housing-insurance/policies/522701/2015/insured/import?format=csv', Buffer.from(`户编号,房屋结构\n${homes.A!.no},砖木\n`));
    expect(good.json()).toEqual({ rows: 1, added: 0, updated: 1, total: 4 });

    const detail = (await call('guanghui.caseworker', 'GET', '/housing-insurance/policies/522701/2015')).json() as { insured: number; byVillage: { insured: number }[]; mayManage: boolean };
    expect(detail).toMatchObject({ insured: 3, mayManage: false });
    expect(detail.byVillage.map((v) => v.insured)).toEqual([3]);
    const county = (await call('duyun.approver', 'GET', '/housing-insurance/policies/522701/2015')).json() as { insured: number; byVillage: unknown[] };
    expect([county.insured, county.byVillage.length]).toEqual([4, 2]);
    const page = (await call('guanghui.caseworker', 'GET', `/housing-insurance/policies/522701/2015/insured?village=${VILLAGE}`)).json() as { items: { headName: string; structureLabel: string }[] };
    expect(page.items).toHaveLength(3);
    expect(page.items.map((i) => i.headName)).not.toContain('王德发');
    expect(page.items.map((i) => i.structureLabel)).toContain('砖木');
    expect((await call('guanghui.caseworker', 'GET', `/housing-insurance/policies/522701/2015/insured?unmask=true`)).statusCode).toBe(403);
  });

  it('refuses claims of an uninsured house, an uncovered peril, outside the coverage, without a damage entry, and twice', async () => {
    await event('flood', 'flood', '2015-07-15');
    await event('drought', 'drought', '2015-07-01');
    await event('early', 'flood', '2015-02-10');
    await event('flood2', 'flood', '2015-08-20');
    await damage('flood', 'U', 'collapsed', 'brick_wood', true);
    await damage('drought', 'A', 'general', 'brick_wood', true);
    await damage('early', 'A', 'general', 'brick_wood', true);
    await damage('flood', 'A', 'collapsed', 'brick_wood', false);
    await damage('flood', 'C', 'general', 'earth_wood', true);
    await damage('flood', 'D', 'serious', 'brick_concrete', false, WENFENG_VILLAGE);
    const refused: [string, string, string, string][] = [
      ['U', 'flood', 'insurance_not_insured', 'householdNo'],
      ['A', 'drought', 'insurance_peril_not_covered', 'eventNo'],
      ['A', 'early', 'insurance_out_of_coverage', 'eventNo'],
      ['B', 'flood', 'insurance_no_damage_entry', 'householdNo'],
    ];
    for (const [home, ev, code, field] of refused) {
      const r = await report(home, ev);
      expect([r.statusCode, errorOf(r).code, fieldsOf(r)], `${home} ${ev}`).toEqual([409, code, [field]]);
    }
    const first = await report('A', 'flood');
    expect(first.statusCode, first.body).toBe(200);
    const c = first.json() as { claimNo: string; statusLabel: string; structureLabel: string; sumInsuredFen: number; registeredGradeLabel: string };
    expect(c.claimNo).toMatch(/^BX5227012015\d{6}$/);
    expect(c).toMatchObject({ statusLabel: '已报案', structureLabel: '砖木', sumInsuredFen: 2_000_000, registeredGradeLabel: '倒塌' });
    claimNos.A = c.claimNo;
    const twice = await report('A', 'flood');
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'insurance_claim_exists']);
    expect((await sql<{ n: number }>`select count(*)::int as n from housing_insurance_claims`.execute(t.db.kysely)).rows[0]!.n).toBe(1);
  });

  it('assesses a verified house by the policy formula and records the payment', async () => {
    const a = claimNos.A!;
    const early = await call('duyun.approver', 'POST', `/housing-insurance/claims/${a}/assess`, { grade: 'collapsed', lossFen: 3_000_000, assessedOn: '2015-07-25' });
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'insurance_damage_not_verified']);
    await sql`update disaster_damage_entries set status = 'verified', first_verified_by = 'a', first_verified_on = '2015-07-18', second_verified_by = 'b', second_verified_on = '2015-07-18'
      where household_id = ${homes.A!.id} and event_id = ${events.flood!.id}`.execute(t.db.kysely);
    const assessed = await call('duyun.approver', 'POST', `/housing-insurance/claims/${a}/assess`, { grade: 'collapsed', lossFen: 3_000_000, assessedOn: '2015-07-25' });
    expect(assessed.statusCode, assessed.body).toBe(200);
    expect(assessed.json()).toMatchObject({ status: 'assessed', assessedGradeLabel: '倒塌', payableFen: 2_000_000 });
    expect(JSON.stringify((assessed.json() as { basis: unknown }).basis)).toContain('insurance.housing.grade_ratio.collapsed');
    const over = await call('duyun.approver', 'POST', `/housing-insurance/claims/${a}/pay`, { paidFen: 2_000_001, paidOn: '2015-08-01', paymentRef: 'PAY-1' });
    expect([over.statusCode, fieldsOf(over)]).toEqual([400, ['paidFen']]);
    const paid = await call('duyun.approver', 'POST', `/housing-insurance/claims/${a}/pay`, { paidFen: 2_000_000, paidOn: '2015-08-01', paymentRef: 'PAY-1' });
    expect(paid.json()).toMatchObject({ status: 'paid', statusLabel: '已赔付', paidFen: 2_000_000 });
    const again = await call('duyun.approver', 'POST', `/housing-insurance/claims/${a}/refuse`, { reason: '重复', refusedOn: '2015-08-02' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'insurance_claim_status']);

    // C: general in the register, assessed serious (土木 15000 × 50% = 7500 yuan, under the 9000 loss)
    const c = (await report('C', 'flood')).json() as { claimNo: string };
    claimNos.C = c.claimNo;
    const ca = await call('duyun.approver', 'POST', `/housing-insurance/claims/${c.claimNo}/assess`, { grade: 'serious', lossFen: 900_000, assessedOn: '2015-07-25' });
    expect(ca.json()).toMatchObject({ payableFen: 750_000 });
    await call('duyun.approver', 'POST', `/housing-insurance/claims/${c.claimNo}/pay`, { paidFen: 750_000, paidOn: '2015-08-01', paymentRef: 'PAY-2' });
    // D: reported while its entry is not yet verified
    const d = await report('D', 'flood');
    expect(d.statusCode, d.body).toBe(200);
    claimNos.D = (d.json() as { claimNo: string }).claimNo;
    // A again in a later flood: paid the whole sum insured a second time in the year
    await damage('flood2', 'A', 'collapsed', 'brick_wood', true);
    const r2 = await report('A', 'flood2', '2015-08-21');
    expect(r2.statusCode, r2.body).toBe(200);
    const a2 = r2.json() as { claimNo: string };
    await call('duyun.approver', 'POST', `/housing-insurance/claims/${a2.claimNo}/assess`, { grade: 'collapsed', lossFen: 2_500_000, assessedOn: '2015-08-25' });
    const p2 = await call('duyun.approver', 'POST', `/housing-insurance/claims/${a2.claimNo}/pay`, { paidFen: 2_000_000, paidOn: '2015-09-01', paymentRef: 'PAY-3' });
    expect(p2.statusCode, p2.body).toBe(200);
  });

  it('reconciles against the damage register and the housing subsidy, under both stacking rules', async () => {
    const rec = async () => (await call('duyun.approver', 'GET', '/housing-insurance/reconciliation?countyCode=522701&year=2015')).json() as {
      stackingRule: string; counts: { kind: string; count: number }[]; findings: { kind: string; claimNo: string }[];
    };
    const counts = (r: Awaited<ReturnType<typeof rec>>) => Object.fromEntries(r.counts.map((c) => [c.kind, c.count]));
    let r = await rec();
    expect(r.stackingRule).toBe('both');
    expect(counts(r)).toEqual({ no_verified_damage: 1, grade_differs: 1, paid_twice: 1, stacking_exceeded: 0 });
    expect(r.findings.find((f) => f.kind === 'no_verified_damage')?.claimNo).toBe(claimNos.D);
    expect(r.findings.find((f) => f.kind === 'grade_differs')?.claimNo).toBe(claimNos.C);

    // a decided housing batch gave C the repair subsidy of 2000 yuan
    const { rows } = await sql<{ id: number }>`insert into disaster_batches (county_code, batch_no, kind, event_id, status, pay_month, created_on, created_by, basis, decided_through)
      values ('522701', 'ZP5227012015000001', 'housing', ${events.flood!.id}, 'decided', '2015-09', '2015-08-10', 'test', '{}', 1) returning id`.execute(t.db.kysely);
    const entry = await t.db.kysely.selectFrom('disaster_damage_entries').select('id').where('household_id', '=', homes.C!.id).executeTakeFirstOrThrow();
    await sql`insert into disaster_batch_members (county_code, batch_id, ordinal, household_id, area_code, source_id, persons, amount_fen, claim)
      values ('522701', ${rows[0]!.id}, 1, ${homes.C!.id}, ${VILLAGE}, ${entry.id}, 3, 200000, '{}')`.execute(t.db.kysely);
    expect(counts(await rec()).stacking_exceeded).toBe(0);
    const set = await call('qiannan.admin', 'POST', '/policy/parameters/insurance.housing.stacking/values', { area: '522701', effective: '2015-01-01', value: 'deduct', reference: '测试：补助扣减保险赔款' });
    expect(set.statusCode, set.body).toBeLessThan(300);
    r = await rec();
    expect(r.stackingRule).toBe('deduct');
    expect(counts(r).stacking_exceeded).toBe(1);
    expect(r.findings.find((f) => f.kind === 'stacking_exceeded')?.claimNo).toBe(claimNos.C);
  });

  it('counts insured households, claims and amounts by area and event; another county sees nothing', async () => {
    const f = (await call('duyun.approver', 'GET', '/housing-insurance/figures?area=522701&year=2015')).json() as {
      items: { areaCode: string; insured: number; claims: number; paidFen: number }[]; total: { insured: number; claims: number; paidClaims: number; paidFen: number }; byEvent: { claims: number; paidFen: number }[];
    };
    expect(f.total).toEqual({ insured: 4, claims: 4, paidClaims: 3, paidFen: 4_750_000, refusedClaims: 0 });
    expect(f.items.find((i) => i.areaCode === GUANGHUI)).toMatchObject({ insured: 3, claims: 3, paidFen: 4_750_000 });
    expect(f.byEvent.map((e) => [e.claims, e.paidFen])).toEqual([[3, 2_750_000], [1, 2_000_000]]);
    const own = (await call('guanghui.caseworker', 'GET', '/housing-insurance/claims?year=2015')).json() as { items: unknown[] };
    expect(own.items).toHaveLength(3);

    const outside = await call('fuquan.approver', 'GET', `/housing-insurance/claims/${claimNos.A}`);
    const missing = await call('fuquan.approver', 'GET', `/housing-insurance/claims/${claimNos.A!.replace(/\d{6}$/, '999999')}`);
    expect([outside.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(outside.body.replaceAll(claimNos.A!, 'ID')).toBe(missing.body.replaceAll(claimNos.A!.replace(/\d{6}$/, '999999'), 'ID'));
    expect((await call('wenfeng.caseworker', 'GET', `/housing-insurance/claims/${claimNos.A}`)).statusCode).toBe(404);
    expect((await call('fuquan.approver', 'GET', '/housing-insurance/policies/522701/2015')).statusCode).toBe(404);
    expect((await call('fuquan.approver', 'GET', '/housing-insurance/reconciliation?countyCode=522701&year=2015')).statusCode).toBe(404);
    expect((await call('fuquan.approver', 'POST', `/housing-insurance/claims/${claimNos.D}/refuse`, { reason: '越权', refusedOn: '2015-08-02' })).statusCode).toBe(404);
    expect((await call('qiannan.auditor', 'GET', `/housing-insurance/claims/${claimNos.A}`)).statusCode).toBe(200);
    const { rows } = await sql<{ action: string }>`select distinct action from audit_log where action like 'insurance.%' order by action`.execute(t.db.kysely);
    expect(rows.map((a) => a.action)).toEqual(['insurance.claim.assess', 'insurance.claim.pay', 'insurance.claim.report', 'insurance.insured.generate', 'insurance.insured.import', 'insurance.policy.create']);
  });
});
