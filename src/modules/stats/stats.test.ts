import fc from 'fast-check';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { bearer, testApp, tokenFor, type ErrorBody } from '../../test/http.ts';
import type { BuiltApp } from '../../server/app.ts';
import type { FiguresResult, WarningsResult } from './contract.ts';
import { computedRollup, refreshAll, storedRollup } from './repo/refresh.ts';
import { currentAssessment, figures, refresh } from './service/figures.ts';
import { annualReport, statisticalTables } from './service/exports.ts';
import { warnings } from './service/warnings.ts';
import { statsProgramme, statsProgrammes } from './domain/catalogue.ts';
import { numeral } from './report/annual.ts';
import { addCase, addClaim, addDecision, addHousehold, addMember, villagesOf } from './testing.ts';

const gaps = (n: number, gap: number, topup = 0) => Array.from({ length: n }, () => ({ gap, topup }));

/** A programme's figures of the area (or of a unit) by key, with `…Prev` and `…Change`. */
function programme(r: FiguresResult, code: string, unit?: string): Record<string, number | null> {
  const s = r.programmes.find((p) => p.code === code)!;
  const list = unit === undefined ? s.total : s.units.find((u) => u.code === unit)!.figures;
  return Object.fromEntries(list.flatMap((f) => [[f.key, f.value], [`${f.key}Prev`, f.prev], [`${f.key}Change`, f.change]]));
}

const paid = (r: FiguresResult, code: string) => r.payroll.find((p) => p.programme === code)!.total.netFen;

describe(`stats figures on a hand-built data set (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let v1: string; // 522701001…: township 1 of 都匀市
  let v2: string; // township 2 of 都匀市
  let v3: string; // 福泉市
  beforeAll(async () => {
    db = await testDatabase();
    const k = db.kysely;
    [v1] = await villagesOf(k, '522701001', 1) as [string];
    [v2] = await villagesOf(k, '522701002', 1) as [string];
    [v3] = await villagesOf(k, '522702001', 1) as [string];
    // H1 urban, 3 persons: dibao from 2014-07 (600 yuan), changed 2015-07 (450 yuan).
    const h1 = await addHousehold(k, { village: v1, hukou: 'urban', members: [{}, {}, {}] });
    const c1 = await addCase(k, h1, v1, 'dibao', 'approved');
    await addDecision(k, '522701', c1, { kind: 'approve', month: '2014-07', amount: 60000, members: gaps(3, 20000) });
    await addDecision(k, '522701', c1, { kind: 'change', month: '2015-07', amount: 45000, members: gaps(3, 15000) });
    // H2 rural agricultural, 2 persons (one in a top-up category): demo-style decision from 2015-04, overdue.
    const h2 = await addHousehold(k, { village: v2, hukou: 'rural', agricultural: true, members: [{}, { categories: ['elderly'] }] });
    const c2 = await addCase(k, h2, v2, 'dibao', 'approved', { dueDate: '2015-01-10' });
    await addDecision(k, '522701', c2, { kind: 'approve', month: '2015-04', amount: 20000 });
    // H3 rural poverty-file household of 4 without income or case: 应保未保.
    await addHousehold(k, { village: v2, hukou: 'rural', agricultural: true, povertyFile: true, members: [{}, {}, {}, {}] });
    // H5 rural, 2 persons, 500 yuan a month: 250 per person, between 220 and 1.5 × 220 (near-dibao).
    await addHousehold(k, { village: v1, hukou: 'rural', agricultural: true, members: [{}, {}], monthlyIncome: 50000 });
    // H6 rural, 1 person: dibao 2014-03 … exit from 2015-02.
    const h6 = await addHousehold(k, { village: v2, hukou: 'rural', agricultural: true, members: [{}] });
    const c6 = await addCase(k, h6, v2, 'dibao', 'exited');
    await addDecision(k, '522701', c6, { kind: 'approve', month: '2014-03', amount: 10000, members: gaps(1, 10000) });
    await addDecision(k, '522701', c6, { kind: 'exit', month: '2015-02' });
    // H4 in 福泉市: one 特困 person in a nursing home from 2015-02, 300 yuan a month.
    const h4 = await addHousehold(k, { village: v3, hukou: 'rural', agricultural: true, members: [{}] });
    const c4 = await addCase(k, h4, v3, 'hardship', 'approved', { supportMode: 'institutional' });
    await addDecision(k, '522702', c4, { kind: 'approve', month: '2015-02', amount: 30000 });
    // Intake: two requests in 2015-05, one completed, one with a referral open past its due date.
    for (const [i, closed] of [true, false].entries()) {
      const { rows } = await sql<{ id: number }>`insert into intake_requests (county_code, request_no, area_code, window_area_code, channel, person_name, person_id_number, needs, assessment, received_on, created_by)
        values ('522701', ${`SL5227012015${String(900001 + i)}`}, ${v1}, '522701001', 'window', '求助人', 'X', '{medical}', '{}', '2015-05-01', '测试') returning id`.execute(k);
      await sql`insert into intake_parts (county_code, request_id, seq, kind, need, department, status, referred_on, due_date, closed_on, outcome)
        values ('522701', ${rows[0]!.id}, 1, 'referral', 'medical', 'medical_security', ${closed ? 'closed' : 'referred'}, '2015-05-01', '2015-05-20', ${closed ? '2015-05-10' : null}, ${closed ? 'assisted' : null})`.execute(k);
    }
    await sql`insert into complaints (county_code, complaint_no, area_code, channel, anonymous, subject_kind, case_id, category, content, received_on, status, conclusion, created_by)
      values ('522701', 'JB5227012015900001', ${v2}, 'hotline_12349', true, 'case', ${c2}, 'favouritism', '关系保', '2015-06-01', 'concluded', 'substantiated', '测试')`.execute(k);
    // Payroll: 2015-05 approved for 都匀市 (two townships), 2015-06 still a draft (not counted).
    for (const [period, status, nets] of [['2015-05', 'approved', [45000, 20000]], ['2015-06', 'draft', [99999, 1]]] as const) {
      const { rows } = await sql<{ id: number }>`insert into payrolls (county_code, payroll_no, period, status, chunks_total, created_by)
        values ('522701', ${`FF522701${period}`}, ${period}, ${status}, 2, '测试') returning id`.execute(k);
      for (const [i, township] of ['522701001', '522701002'].entries()) {
        await sql`insert into payroll_totals (county_code, payroll_id, township_code, programme, lines, regular_fen, arrears_fen, reissue_fen, deduction_fen, net_fen)
          values ('522701', ${rows[0]!.id}, ${township}, 'dibao', 1, ${nets[i]!}, 0, 0, 0, ${nets[i]!})`.execute(k);
      }
    }
    // Verification: a rescreen of H2's case with two findings (one over the limits, one a staff relative); the case flagged.
    const { rows: req } = await sql<{ id: number }>`insert into verification_requests (county_code, request_no, kind, case_id, household_id, area_code, requested_on, requested_by)
      values ('522701', 'HD5227012015900001', 'rescreen', ${c2}, ${h2}, ${v2}, '2015-06-10', '测试') returning id`.execute(k);
    for (const [i, [breaks, relation]] of ([[true, null], [false, 'spouse']] as const).entries()) {
      await sql`insert into verification_findings (county_code, request_id, case_id, area_code, id_number, person_name, source, snapshot_id, row_no, match, item, breaks_limit, relation)
        values ('522701', ${req[0]!.id}, ${c2}, ${v2}, 'X', '成员', 'vehicles', 1, ${i + 1}, 'id', '车辆', ${breaks}, ${relation})`.execute(k);
    }
    await sql`update cases set flags = '{staff_relative,verification_warning}' where county_code = '522701' and id = ${c2}`.execute(k);
    built = await testApp(db);
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  it('computes every figure of the prefecture for 2015 (values worked out by hand)', async () => {
    const r = await figures(db, systemScope(), { year: 2015 });
    const t = r.total;
    const d = programme(r, 'dibao');
    const h = programme(r, 'hardship');
    expect(r.area.code).toBe('522700');
    expect([d.households, d.persons, d.householdsPrev, d.personsPrev]).toEqual([2, 5, 2, 4]);
    expect(d.personsChange).toBeCloseTo(0.25);
    expect([d.urbanHouseholds, d.urbanPersons, d.urbanPersonsPrev, d.urbanPersonsChange]).toEqual([1, 3, 3, 0]);
    expect([d.ruralHouseholds, d.ruralPersons, d.ruralPersonsPrev, d.ruralPersonsChange]).toEqual([1, 2, 1, 1]);
    // urban: (6 × 60000 + 6 × 45000) / 36 person-months = 17500; 2014: 6 × 60000 / 18 = 20000
    expect([d.urbanGapPerPerson, d.urbanGapPerPersonPrev]).toEqual([17500, 20000]);
    expect(d.urbanGapPerPersonChange).toBeCloseTo(-0.125);
    // rural: (1 × 10000 + 9 × 20000) / (1 + 18) = 10000; 2014: 10 × 10000 / 10
    expect([d.ruralGapPerPerson, d.ruralGapPerPersonPrev, d.ruralGapPerPersonChange]).toEqual([10000, 10000, 0]);
    expect(d.expenditure).toBe(630000 + 10000 + 180000);
    expect(d.topupPersons).toBe(1);
    expect([h.persons, h.institutional, h.institutionalRate, h.personsPrev, h.institutionalRatePrev]).toEqual([1, 1, 1, 0, null]);
    expect(h.expenditure).toBe(11 * 30000);
    // Which 发放: the decisions' amounts are marked granted (核定), the other figures carry no basis.
    const basis = (code: string) => Object.fromEntries(r.programmes.find((p) => p.code === code)!.total.filter((f) => f.basis !== null).map((f) => [f.key, f.basis]));
    expect(basis('dibao')).toEqual({ expenditure: 'decisions' });
    expect(basis('hardship')).toEqual({ expenditure: 'decisions' });
    expect([t.intakeReceived, t.intakeCompleted, t.intakeCompletionRate, t.overdueReferrals, t.overdueCases]).toEqual([2, 1, 0.5, 1, 1]);
    expect([t.complaintsReceived, t.complaintsConcluded, t.complaintsSubstantiated, t.complaintsFavouritism]).toEqual([1, 1, 1, 1]);
    expect([t.registryHouseholds, t.registryPersons, t.agriculturalPersons, d.ruralCoverage]).toEqual([6, 13, 10, 0.2]);
    expect([t.povertyFile, t.povertyUncovered, t.eligibleUncovered, t.nearDibao]).toEqual([1, 1, 2, 1]);
    expect([paid(r, 'dibao'), paid(r, 'hardship'), t.payrollNetFen, t.payrollLines]).toEqual([65000, 0, 65000, 2]);
    expect([t.verificationRequests, t.rescreenRequests, t.verificationFindings, t.verificationBreaking, t.verificationFavouritism]).toEqual([1, 1, 2, 1, 1]);
    expect([t.rescreenHits, t.favouritismFlags]).toEqual([1, 1]);
    // Plain means over the 13 county units: (3 × 495 + 10 × 440) / 13 yuan, (3 × 2640 + 10 × 2580) / 13 yuan.
    expect([d.urbanStandard, d.ruralStandard]).toEqual([45269, 259385]);
    const duyun = r.units.find((u) => u.code === '522701')!;
    expect([programme(r, 'dibao', '522701').persons, duyun.agriculturalPersons, programme(r, 'hardship', '522701').persons]).toEqual([5, 9, 0]);
    expect(programme(r, 'dibao', '522701').ruralCoverage).toBeCloseTo(2 / 9);
    expect(r.units).toHaveLength(13);
  });

  it('drills down: a county by township, a township by village; a period in months', async () => {
    const county = await figures(db, systemScope(), { area: '522701', year: 2015 });
    expect(programme(county, 'dibao', '522701001').urbanPersons).toBe(3);
    expect(programme(county, 'dibao', '522701002').ruralPersons).toBe(2);
    const township = await figures(db, systemScope(), { area: '522701002', year: 2015 });
    expect(township.units.find((u) => u.code === v2)!.registryHouseholds).toBe(3);
    const h1 = await figures(db, systemScope(), { area: '522701', from: '2015-01', to: '2015-03' });
    // March 2015: H1 (3); March 2014: only H6 (1), H1 starts in July 2014.
    expect([programme(h1, 'dibao').persons, programme(h1, 'dibao').personsPrev]).toEqual([3, 1]);
  });

  it('warns: rural coverage under the floor, uncovered households, overdue items; each opens its list', async () => {
    const w = await warnings(db, systemScope(), { year: 2015 });
    const kinds = w.items.map((i) => `${i.kind}:${i.areaCode}`).sort();
    expect(kinds).toEqual(['eligible_uncovered:522701', 'near_dibao:522701', 'overdue_cases:522701', 'overdue_referrals:522701', 'poverty_uncovered:522701', 'rural_coverage:522702', 'rescreen_hits:522701', 'favouritism_flags:522701'].sort());
    const admin = await tokenFor(built, 'qiannan.admin');
    const list = await built.app.inject({ method: 'GET', url: '/api/v1/stats/warnings/eligible_uncovered?area=522701', headers: bearer(admin) });
    expect(list.statusCode).toBe(200);
    const households = (list.json() as { households: { areaPath: string[] }[] }).households;
    expect(households).toHaveLength(2);
    // Each item names its area by the full path, 州 › 县 › 乡镇 › 村.
    for (const h of households) expect(h.areaPath.slice(0, 2)).toEqual(['黔南布依族苗族自治州', '都匀市']);
    for (const h of households) expect(h.areaPath).toHaveLength(4);
    const flagged = await built.app.inject({ method: 'GET', url: '/api/v1/stats/warnings/rescreen_hits?area=522701', headers: bearer(admin) });
    expect((flagged.json() as { cases: unknown[] }).cases).toHaveLength(1);
    const overdue = await built.app.inject({ method: 'GET', url: '/api/v1/stats/warnings/overdue_referrals?area=522701', headers: bearer(admin) });
    expect((overdue.json() as { referrals: { requestNo: string }[] }).referrals.map((r) => r.requestNo)).toEqual(['SL5227012015900002']);
  });

  it('a county user gets only their county', async () => {
    const token = await tokenFor(built, 'duyun.approver');
    const res = await built.app.inject({ method: 'GET', url: '/api/v1/stats/figures?year=2015', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as FiguresResult;
    expect([body.area.code, body.total.registryHouseholds, programme(body, 'hardship').persons]).toEqual(['522701', 5, 0]);
    const other = await built.app.inject({ method: 'GET', url: '/api/v1/stats/figures?year=2015&area=522702', headers: bearer(token) });
    expect(other.statusCode).toBe(400);
    const prefecture = await built.app.inject({ method: 'GET', url: '/api/v1/stats/figures?year=2015&area=522700', headers: bearer(token) });
    expect((prefecture.json() as ErrorBody).error.code).toBeDefined();
    expect(prefecture.statusCode).toBe(400);
  });

  it('the annual report .docx holds the figures in prose and tables', async () => {
    const { buffer } = await annualReport(db, systemScope(), { year: 2015 });
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('黔南布依族苗族自治州2015年社会救助工作总结');
    expect(text).toContain('全州有城乡低保对象2户5人，比上年增长25.00%；其中城市低保对象1户3人，比上年增长0.00%');
    expect(text).toContain('城市、农村平均低保标准为453元/月/人和2594元/年/人（上年无可比数据）');
    expect(text).toContain('月人均补差175.00元、100.00元，分别下降12.50%、增长0.00%');
    expect(text).toContain('供养特困人员1人，其中集中供养对象1人，集中供养率达100.00%');
    expect(text).toContain('共受理求助事项2件，已办结1件');
    expect(text).toContain('农村低保对象占农业人口比例已低于规划的6.50%');
    // Payroll per programme of the registry (more programmes add their own after these).
    expect(text).toContain('发放低保金650.00元、特困人员供养金0.00元');
    expect(text).toContain('合计650.00元（2户（人）次）');
    expect(text).toContain('比对出疑点2条，其中超出认定条件1条');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
  });

  it('the statistical tables .xlsx: a sheet per table, a row per county, totals equal the sums', async () => {
    const { buffer } = await statisticalTables(db, systemScope(), { year: 2015 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(buffer).buffer);
    // A sheet per programme of the registry (城乡低保, 特困供养, then any added later), then the module's.
    expect(wb.worksheets.map((w) => w.name)).toEqual([...statsProgrammes().map((p) => p.table.name['zh-CN']), '一门受理', '举报核查', '发放与核对', '应保尽保']);
    expect(wb.worksheets.slice(0, 2).map((w) => w.name)).toEqual(['城乡低保', '特困供养']);
    const ws = wb.getWorksheet('城乡低保')!;
    const rows = ws.getSheetValues().slice(3) as unknown[][];
    expect(rows).toHaveLength(14);
    const total = rows.at(-1)!;
    expect(total[2]).toBe('合计');
    for (const col of [3, 4, 5, 6, 7, 8]) {
      const sum = rows.slice(0, -1).reduce((a: number, r) => a + Number(r[col] ?? 0), 0);
      expect(total[col]).toBe(sum);
    }
    expect(total[7]).toBe(5);
  });

  it('the routes answer in their declared shapes; the report and tables download; the OpenAPI document describes them', async () => {
    const admin = await tokenFor(built, 'qiannan.admin');
    const get = (url: string) => built.app.inject({ method: 'GET', url, headers: bearer(admin) });
    const warned = await get('/api/v1/stats/warnings?year=2015');
    expect(warned.statusCode).toBe(200);
    expect((warned.json() as WarningsResult).items.find((w) => w.kind === 'rural_coverage')).toMatchObject({ areaCode: '522702', areaPath: ['黔南布依族苗族自治州', '福泉市'], programme: 'dibao', label: { 'zh-CN': '农村低保占农业人口比例' } });
    const docx = await get('/api/v1/stats/report.docx?year=2015&area=522701');
    expect([docx.statusCode, docx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    const xlsx = await get('/api/v1/stats/tables.xlsx?year=2015&area=522701');
    expect(xlsx.statusCode).toBe(200);
    const bad = await get('/api/v1/stats/figures?year=2015&from=2015-01');
    expect([bad.statusCode, (bad.json() as ErrorBody).error.details]).toMatchObject([400, { fields: [{ field: 'year' }] }]);
    const doc = (await built.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }> };
    for (const path of ['/api/v1/stats/figures', '/api/v1/stats/warnings', '/api/v1/stats/warnings/{kind}', '/api/v1/stats/report.docx', '/api/v1/stats/tables.xlsx']) {
      expect(Object.keys(doc.paths[path]!.get.responses['200']!.content)).toHaveLength(1);
    }
  });

  it('a case under review (phase payable) is covered and granted: not 应保未保, and its flags count', async () => {
    const before = (await figures(db, systemScope(), { year: 2015 })).total;
    const h = await addHousehold(db.kysely, { village: v3, hukou: 'rural', agricultural: true, povertyFile: true, members: [{}] });
    const c = await addCase(db.kysely, h, v3, 'dibao', 'under_review');
    await addDecision(db.kysely, '522702', c, { kind: 'approve', month: '2015-03', amount: 10000, members: gaps(1, 10000) });
    await sql`update cases set flags = '{verification_warning}' where county_code = '522702' and id = ${c}`.execute(db.kysely);
    const after = (await figures(db, systemScope(), { year: 2015 })).total;
    expect([after.povertyFile! - before.povertyFile!, after.povertyUncovered! - before.povertyUncovered!, after.rescreenHits! - before.rescreenHits!]).toEqual([1, 0, 1]);
  });

  it('counts 应保尽保 by the dibao formula (its SQL twin), not by gross income and the hukou of the household', async () => {
    const k = db.kysely;
    const township = (await k.selectFrom('areas').select('code').where('parent_code', '=', '522722').orderBy('code').limit(1).executeTakeFirstOrThrow()).code;
    const [village] = await villagesOf(k, township, 1);
    const before = (await figures(db, systemScope(), { area: '522722', year: 2015 })).total;
    // Rural household of two, living on 2000 yuan of social assistance a month: gross income says 1000 yuan a
    // person, far above 荔波's rural standard; the formula does not count assistance, so the household is eligible.
    const a = await addHousehold(k, { village: village!, hukou: 'rural', members: [{}, {}] });
    await sql`insert into income_items (county_code, household_id, kind, amount_fen, period, source) values ('522722', ${a}, 'assistance', 200000, 'month', '临时救助')`.execute(k);
    // A household registered urban whose members are both rural, with 300 yuan a person: the household's urban
    // standard would call it eligible; by its members' rural standard it is above the line and near-低保.
    await addHousehold(k, { village: village!, hukou: 'urban', members: [{}, {}], monthlyIncome: 60000 });
    const after = (await figures(db, systemScope(), { area: '522722', year: 2015 })).total;
    expect([after.eligibleUncovered! - before.eligibleUncovered!, after.nearDibao! - before.nearDibao!]).toEqual([1, 1]);
    const list = await built.app.inject({ method: 'GET', url: '/api/v1/stats/warnings/eligible_uncovered?area=522722', headers: bearer(await tokenFor(built, 'qiannan.admin')) });
    const households = (list.json() as { households: { householdNo: string; perCapitaIncome: number | null }[] }).households;
    expect(households.map((h) => h.perCapitaIncome)).toContain(0);
  });

  it('临时救助, a claim programme, counts its one-off payments in the figures, the report and the tables', async () => {
    const k = db.kysely;
    const programmes = statsProgrammes();
    const h = await addHousehold(k, { village: v1, hukou: 'urban', members: [{}, {}, {}] });
    // 2015: three claims of 3, 1 and 2 persons (one in 福泉市); 2014: one claim.
    await addClaim(k, h, v1, 'temporary', { month: '2015-02', amount: 3000000, persons: 3 });
    await addClaim(k, h, v1, 'temporary', { month: '2015-11', amount: 1500000, persons: 1 });
    const h3 = await addHousehold(k, { village: v3, hukou: 'rural', members: [{}, {}] });
    await addClaim(k, h3, v3, 'temporary', { month: '2015-06', amount: 2000000, persons: 2 });
    await addClaim(k, h3, v3, 'temporary', { month: '2014-06', amount: 1000000, persons: 2 });
    const r = await figures(db, systemScope(), { year: 2015 }, programmes);
    const t = programme(r, 'temporary');
    expect([t.times, t.persons, t.amount, t.timesPrev, t.personsPrev, t.amountPrev, t.personsChange]).toEqual([3, 6, 6500000, 1, 2, 1000000, 2]);
    expect([programme(r, 'temporary', '522701').persons, programme(r, 'temporary', '522702').persons]).toEqual([4, 2]);
    expect(r.programmes.find((p) => p.code === 'temporary')!.kpis).toEqual(['times', 'persons', 'amount']);
    const months = await figures(db, systemScope(), { from: '2015-03', to: '2015-10' }, programmes);
    expect(programme(months, 'temporary').times).toBe(1);
    // Other programmes' figures stay as they were.
    expect(programme(r, 'dibao').persons).toBe(6);

    const { buffer } = await annualReport(db, systemScope(), { year: 2015 }, programmes);
    const text = (await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(`（${numeral(programmes.findIndex((p) => p.code === 'temporary') + 1)}）临时救助工作2015年全州实施临时救助6人次，支出6.50万元。`);
    // The modules' sections follow the programmes' (the demo nursing homes give 供养服务机构建设; no relief-station
    // records, no 救助管理), then 工作机制.
    expect(text).toContain(`（${numeral(programmes.length + 1)}）供养服务机构建设2015年全州敬老院13所；敬老院床位1560张；特困人员集中供养率100%。`);
    expect(text).not.toContain('救助管理工作');
    expect(text).toContain(`（${numeral(programmes.length + 2)}）社会救助工作机制`);
    const tables = await statisticalTables(db, systemScope(), { year: 2015 }, programmes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(tables.buffer).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...programmes.map((p) => p.table.name['zh-CN']), '一门受理', '举报核查', '发放与核对', '应保尽保']);
    expect(wb.worksheets.map((w) => w.name)).toContain('临时救助');
    const sheet = wb.getWorksheet('临时救助')!.getSheetValues() as unknown[][];
    expect(sheet[2]!.slice(3)).toEqual(['临时救助次数', '临时救助人次', '临时救助支出（元）']);
    expect(sheet.at(-1)!.slice(2)).toEqual(['合计', 3, 6, 65000]);
  });

  it('the roll-up stays equal to a full recomputation under random changes', async () => {
    const k = db.kysely;
    const villages = [v1, v2, v3];
    const std = await currentAssessment(db);
    let payrolls = 100;
    await refresh(db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ op: fc.constantFrom('household', 'member', 'case', 'exit', 'suspend', 'gradual', 'claim', 'hukou', 'payroll', 'approve', 'flag'), village: fc.constantFrom(...villages), n: fc.integer({ min: 1, max: 3 }), month: fc.constantFrom('2014-11', '2015-01', '2015-06') }), { minLength: 1, maxLength: 5 }),
        async (ops) => {
          for (const o of ops) {
            const county = o.village.slice(0, 6);
            const last = await sql<{ id: number }>`select id from households where village_code = ${o.village} order by id desc limit 1`.execute(k);
            const hid = last.rows[0]?.id;
            if (o.op === 'household' || hid === undefined) {
              await addHousehold(k, { village: o.village, hukou: o.n === 1 ? 'urban' : 'rural', agricultural: o.n > 1, members: Array.from({ length: o.n }, () => ({})) });
            } else if (o.op === 'member') await addMember(k, county, hid, 'child');
            else if (o.op === 'hukou') await sql`update households set hukou = case when hukou = 'urban' then 'rural' else 'urban' end where county_code = ${county} and id = ${hid}`.execute(k);
            else if (o.op === 'case') {
              const c = await addCase(k, hid, o.village, 'dibao', 'approved');
              await addDecision(k, county, c, { kind: 'approve', month: o.month, amount: 10000 * o.n, ...(o.n > 1 ? { members: gaps(o.n, 10000) } : {}) });
            } else if (o.op === 'payroll') {
              payrolls++;
              const { rows } = await sql<{ id: number }>`insert into payrolls (county_code, payroll_no, period, status, chunks_total, created_by)
                values (${county}, ${`FP${county}${payrolls}`}, ${`${2016 + Math.floor(payrolls / 12)}-${String((payrolls % 12) + 1).padStart(2, '0')}`}, 'draft', 1, '测试') returning id`.execute(k);
              await sql`insert into payroll_totals (county_code, payroll_id, township_code, programme, lines, regular_fen, arrears_fen, reissue_fen, deduction_fen, net_fen)
                values (${county}, ${rows[0]!.id}, ${o.village.slice(0, 9)}, 'dibao', ${o.n}, ${o.n * 100}, 0, 0, 0, ${o.n * 100})`.execute(k);
            } else if (o.op === 'approve') {
              await sql`update payrolls set status = 'approved' where county_code = ${county} and status = 'draft'`.execute(k);
            } else if (o.op === 'claim') {
              await addClaim(k, hid, o.village, 'temporary', { month: o.month, amount: 50000 * o.n, persons: o.n });
            } else if (o.op === 'suspend' || o.op === 'gradual') {
              const c = await sql<{ id: number }>`select case_id as id from entitlements where area_code = ${o.village} and schedule = 'monthly' order by id desc limit 1`.execute(k);
              if (c.rows[0]) await addDecision(k, county, c.rows[0].id, o.op === 'suspend' ? { kind: 'suspend', month: o.month } : { kind: 'gradual_exit', month: o.month, endMonth: '2015-09' });
            } else if (o.op === 'flag') {
              await sql`update cases set flags = '{verification_warning}' where area_code = ${o.village} and state = 'approved'`.execute(k);
            } else {
              const c = await sql<{ id: number }>`select id from cases where area_code = ${o.village} order by id desc limit 1`.execute(k);
              if (c.rows[0]) await addDecision(k, county, c.rows[0].id, { kind: 'exit', month: '2015-08' });
            }
          }
          await refresh(db);
          expect(await storedRollup(k)).toEqual(await computedRollup(k, std));
        },
      ),
      { numRuns: 12 },
    );
    await refreshAll(k, std);
  });
});
