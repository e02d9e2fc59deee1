import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { bearer, DEMO_PASSWORD, STRONG_PASSWORD, testApp, tokenFor } from '../test/http.ts';
import { createUser } from '../modules/users/index.ts';
import { loadPrefecture } from '../modules/areas/index.ts';
import { DEPARTMENTS } from '../kernel/permissions.ts';
import { systemScope } from '../kernel/scope.ts';
import { clock } from '../kernel/clock.ts';
import type { BuiltApp } from './app.ts';
import { authProbes } from './probes/auth.ts';
import { caseloadProbes } from './probes/caseload.ts';
import { medicalSubsidyProbes } from './probes/medical-subsidy.ts';
import { medicalSettlementProbes } from './probes/medical-settlements.ts';
import { medicalClaimProbes } from './probes/medical-claims.ts';
import { disasterProbes } from './probes/disaster.ts';
import { disasterBatchProbes } from './probes/disaster-batches.ts';
import { disasterDamageProbes } from './probes/disaster-damage.ts';
import { housingInsuranceProbes } from './probes/housing-insurance.ts';
import { reliefStationProbes } from './probes/relief-station.ts';
import { volunteerProbes } from './probes/volunteers.ts';
import { rerateProbes } from './probes/rerate.ts';
import { intakePendingProbes } from './probes/intake-pending.ts';
import { casesInboxProbes } from './probes/cases-inbox.ts';
import { casesConfirmProbes } from './probes/cases-confirm.ts';
import { wishesProbes } from './probes/wishes.ts';
import { outreachProbes } from './probes/outreach.ts';
import { householdVisitProbes } from './probes/household-visits.ts';
import { portalProbes } from './probes/portal.ts';
import { leftBehindProbes } from './probes/left-behind.ts';
import { purchasedServicesProbes } from './probes/purchased-services.ts';
import { fundsProbes } from './probes/funds.ts';
import { intakeDocumentProbes } from './probes/intake-documents.ts';
import { institutionProbes } from './probes/institutions.ts';
import { payrollProbes } from './probes/payroll.ts';
import { placementProbes } from './probes/placements.ts';
import { statsProbes } from './probes/stats.ts';
import { todoProbes } from './probes/todo.ts';
import type { Foreign, Probe } from './probes/types.ts';
import { verificationProbes } from './probes/verification.ts';
import { complaintSubjectProbes, complaintSubjectReadOnly } from './probes/complaint-subjects.ts';
import { DCI_PROBE_SENDER, dciProbes } from './probes/dci.ts';
import { dciClientOf, dciClientProbes } from './probes/dci-clients.ts';
import { addClient, ATTRIBUTES, DEFAULT_ALGORITHM, signEnvelope } from '../modules/dci/index.ts';

/** POSTs that change nothing (verifying the audit chain, searches with an ID number in the body): a 2xx there is not a write. */
const READ_ONLY_POSTS = new Set(['POST /api/v1/audit/verify', 'POST /api/v1/households/search', 'POST /api/v1/households/export.xlsx', 'POST /api/v1/medical/settlements/errors.xlsx', 'POST /api/v1/medical/person-year', 'POST /api/v1/disaster/winter-needs/import/errors.xlsx', 'POST /api/v1/cases/import/caseload/report.xlsx', 'POST /api/portal/v1/policy-check', ...complaintSubjectReadOnly]);

type Place = 'wenfeng' | 'guanghui' | 'fuquan' | 'qiandongnan';

/** Someone, and the place whose data lies outside their scope. */
interface Subject {
  username: string;
  password: string;
  who: string;
  foreign: Place;
  /** Only the household's own data counts as a leak (a partner reads its area's public area tree). */
  personOnly?: boolean;
}

/**
 * One probe per registered route, aimed at another area's data. A route added without a
 * probe fails the first test below, so no route escapes the matrix.
 */
const PROBES: Record<string, Probe> = {
  'GET /api/v1/error-codes': () => ({ method: 'GET', url: '/api/v1/error-codes' }),
  'POST /api/v1/auth/login': () => ({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } }),
  'POST /api/v1/auth/tokens': () => ({ method: 'POST', url: '/api/v1/auth/tokens', payload: { username: 'nobody', password: 'x' } }),
  'POST /api/v1/auth/logout': () => ({ method: 'POST', url: '/api/v1/auth/logout' }),
  'GET /api/v1/auth/me': () => ({ method: 'GET', url: '/api/v1/auth/me' }),
  'GET /api/v1/areas/tree': (f) => ({ method: 'GET', url: `/api/v1/areas/tree?root=${f.township}&depth=2` }),
  'GET /api/v1/areas/search': (f) => ({ method: 'GET', url: `/api/v1/areas/search?q=${encodeURIComponent(f.names[0] ?? '')}` }),
  'GET /api/v1/areas/:code': (f) => ({ method: 'GET', url: `/api/v1/areas/${f.village}` }),
  'GET /api/v1/areas/:code/children': (f) => ({ method: 'GET', url: `/api/v1/areas/${f.township}/children` }),
  'PUT /api/v1/areas/:code/urban': (f) => ({ method: 'PUT', url: `/api/v1/areas/${f.village}/urban`, payload: { urban: false } }),
  'GET /api/v1/users': () => ({ method: 'GET', url: '/api/v1/users' }),
  'POST /api/v1/users': (f) => ({ method: 'POST', url: '/api/v1/users', payload: { username: 'intruder', displayName: '越权', password: 'long-enough-pw', role: 'village_clerk', areaCode: f.village } }),
  'GET /api/v1/audit': () => ({ method: 'GET', url: '/api/v1/audit?limit=500' }),
  'GET /api/v1/households': (f) => ({ method: 'GET', url: `/api/v1/households?area=${f.township}` }),
  'POST /api/v1/households': (f) => ({ method: 'POST', url: '/api/v1/households', payload: householdInput(f.village, [memberInput({ name: '越权户' })]) }),
  'GET /api/v1/households/:householdNo': (f) => ({ method: 'GET', url: `/api/v1/households/${f.householdNo}` }),
  'PATCH /api/v1/households/:householdNo': (f) => ({ method: 'PATCH', url: `/api/v1/households/${f.householdNo}`, payload: { address: '越权修改' } }),
  'GET /api/v1/households/:householdNo/timeline': (f) => ({ method: 'GET', url: `/api/v1/households/${f.householdNo}/timeline` }),
  'PUT /api/v1/households/:householdNo/incomes': (f) => ({ method: 'PUT', url: `/api/v1/households/${f.householdNo}/incomes`, payload: { items: [] } }),
  'PUT /api/v1/households/:householdNo/assets': (f) => ({ method: 'PUT', url: `/api/v1/households/${f.householdNo}/assets`, payload: { items: [] } }),
  'POST /api/v1/households/:householdNo/members': (f) => ({ method: 'POST', url: `/api/v1/households/${f.householdNo}/members`, payload: memberInput({ relation: 'child', name: '越权子' }) }),
  'PUT /api/v1/households/:householdNo/members': (f) => ({ method: 'PUT', url: `/api/v1/households/${f.householdNo}/members`, payload: memberInput({ idNumber: f.idNumber, name: '越权改' }) }),
  'POST /api/v1/households/:householdNo/members/remove': (f) => ({ method: 'POST', url: `/api/v1/households/${f.householdNo}/members/remove`, payload: { idNumber: f.idNumber, reason: 'x' } }),
  'POST /api/v1/households/:householdNo/members/move': (f) => ({ method: 'POST', url: `/api/v1/households/${f.householdNo}/members/move`, payload: { idNumber: f.idNumber, toHouseholdNo: f.householdNo, relation: 'child', reason: 'x' } }),
  'POST /api/v1/audit/verify': () => ({ method: 'POST', url: '/api/v1/audit/verify' }),
  'GET /api/v1/policy/parameters': () => ({ method: 'GET', url: '/api/v1/policy/parameters' }),
  'GET /api/v1/policy/parameters/:name': () => ({ method: 'GET', url: '/api/v1/policy/parameters/dibao.standard.urban' }),
  'POST /api/v1/policy/parameters/:name/values': (f) => ({ method: 'POST', url: '/api/v1/policy/parameters/dibao.standard.urban/values', payload: { area: f.township, effective: '2016-01-01', value: 600, reference: '越权' } }),
  'PATCH /api/v1/policy/parameters/:name/values/:id': () => ({ method: 'PATCH', url: '/api/v1/policy/parameters/dibao.standard.urban/values/1', payload: { value: 600 } }),
  'GET /api/v1/policy/explain': (f) => ({ method: 'GET', url: `/api/v1/policy/explain?householdNo=${f.householdNo}&month=2015-10` }),
  // A POST that answers 2xx counts as a write here, so the probe drafts a value for the foreign area (refused).
  'POST /api/v1/policy/simulate': (f) => ({ method: 'POST', url: '/api/v1/policy/simulate', payload: { month: '2015-10', draft: [{ name: 'dibao.standard.urban', area: f.township, value: 600 }] } }),
  // cases
  'GET /api/v1/programmes': () => ({ method: 'GET', url: '/api/v1/programmes' }),
  'POST /api/v1/cases': (f) => ({ method: 'POST', url: '/api/v1/cases', payload: { programme: 'dibao', householdNo: f.householdNo, applicantIdNumber: f.idNumber, appliedOn: '2015-09-01' } }),
  'GET /api/v1/cases/inbox': (f) => ({ method: 'GET', url: `/api/v1/cases/inbox?area=${f.township}` }),
  'GET /api/v1/cases/overdue': (f) => ({ method: 'GET', url: `/api/v1/cases/overdue?area=${f.township}` }),
  'GET /api/v1/cases/by-household/:householdNo': (f) => ({ method: 'GET', url: `/api/v1/cases/by-household/${f.householdNo}` }),
  'POST /api/v1/cases/deaths': (f) => ({ method: 'POST', url: '/api/v1/cases/deaths', payload: { householdNo: f.householdNo, memberIdNumber: f.idNumber, dateOfDeath: '2015-10-01' } }),
  'GET /api/v1/cases/batches': () => ({ method: 'GET', url: '/api/v1/cases/batches' }),
  'POST /api/v1/cases/batches': (f) => ({ method: 'POST', url: '/api/v1/cases/batches', payload: { programme: 'dibao', caseNos: [f.caseNo] } }),
  'GET /api/v1/cases/batches/:batchNo': (f) => ({ method: 'GET', url: `/api/v1/cases/batches/PC${f.county}2015000001` }),
  'POST /api/v1/cases/batches/:batchNo/sample': (f) => ({ method: 'POST', url: `/api/v1/cases/batches/PC${f.county}2015000001/sample`, payload: { seed: 'x' } }),
  'GET /api/v1/cases/batches/:batchNo/public-notice': (f) => ({ method: 'GET', url: `/api/v1/cases/batches/PC${f.county}2015000001/public-notice?area=${f.township}` }),
  'GET /api/v1/cases/batches/:batchNo/public-notice.docx': (f) => ({ method: 'GET', url: `/api/v1/cases/batches/PC${f.county}2015000001/public-notice.docx` }),
  'GET /api/v1/cases/:caseNo': (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseNo}` }),
  'POST /api/v1/cases/:caseNo/transitions': (f) => ({ method: 'POST', url: `/api/v1/cases/${f.caseNo}/transitions`, payload: { action: 'home_visit', date: '2015-09-02', data: { date: '2015-09-02', staff: ['甲', '乙'], findings: '越权入户' } } }),
  'GET /api/v1/cases/:caseNo/notices/decision.docx': (f) => ({ method: 'GET', url: `/api/v1/cases/${f.caseNo}/notices/decision.docx` }),
  // intake and complaints
  'POST /api/v1/intake/requests': (f) => ({ method: 'POST', url: '/api/v1/intake/requests', payload: { windowAreaCode: f.township, channel: 'window', receivedOn: '2015-09-01', person: { householdNo: f.householdNo, idNumber: f.idNumber }, assessment: { householdSize: 2, workCapacity: 'none' }, parts: [{ kind: 'referral', department: 'medical_security', need: 'medical' }] } }),
  'GET /api/v1/intake/requests': (f) => ({ method: 'GET', url: `/api/v1/intake/requests?area=${f.township}` }),
  'GET /api/v1/intake/requests/:requestNo': (f) => ({ method: 'GET', url: `/api/v1/intake/requests/SL${f.county}2015000001` }),
  'GET /api/v1/intake/referrals': (f) => ({ method: 'GET', url: `/api/v1/intake/referrals?area=${f.township}` }),
  'GET /api/v1/intake/referrals/:id': () => ({ method: 'GET', url: '/api/v1/intake/referrals/1' }),
  'POST /api/v1/intake/referrals/:id/accept': () => ({ method: 'POST', url: '/api/v1/intake/referrals/1/accept', payload: {} }),
  'POST /api/v1/intake/referrals/:id/actions': () => ({ method: 'POST', url: '/api/v1/intake/referrals/1/actions', payload: { note: '越权办理' } }),
  'POST /api/v1/intake/referrals/:id/result': () => ({ method: 'POST', url: '/api/v1/intake/referrals/1/result', payload: { outcome: 'assisted', result: '越权办结' } }),
  'GET /api/v1/intake/overdue': (f) => ({ method: 'GET', url: `/api/v1/intake/overdue?area=${f.township}&asOf=2030-01-01` }),
  'GET /api/v1/intake/figures': (f) => ({ method: 'GET', url: `/api/v1/intake/figures?area=${f.township}&from=2015-01-01&to=2030-12-31` }),
  'POST /api/v1/complaints': (f) => ({ method: 'POST', url: '/api/v1/complaints', payload: { channel: 'hotline_12349', anonymous: true, subject: { kind: 'recipient', caseNo: f.caseNo }, category: 'fraud', content: '越权登记举报' } }),
  'GET /api/v1/complaints': (f) => ({ method: 'GET', url: `/api/v1/complaints?area=${f.township}` }),
  'GET /api/v1/complaints/:complaintNo': (f) => ({ method: 'GET', url: `/api/v1/complaints/JB${f.county}2015000001` }),
  'POST /api/v1/complaints/:complaintNo/assign': (f) => ({ method: 'POST', url: `/api/v1/complaints/JB${f.county}2015000001/assign`, payload: { assignee: '越权' } }),
  'POST /api/v1/complaints/:complaintNo/conclude': (f) => ({ method: 'POST', url: `/api/v1/complaints/JB${f.county}2015000001/conclude`, payload: { conclusion: 'unsubstantiated', finding: '越权查结' } }),
  'POST /api/v1/complaints/:complaintNo/feedback': (f) => ({ method: 'POST', url: `/api/v1/complaints/JB${f.county}2015000001/feedback`, payload: { date: '2015-10-01', channel: 'phone', content: '越权反馈' } }),
  'POST /api/v1/complaints/:complaintNo/close': (f) => ({ method: 'POST', url: `/api/v1/complaints/JB${f.county}2015000001/close`, payload: {} }),
  'POST /api/v1/complaints/:complaintNo/recoveries': (f) => ({ method: 'POST', url: `/api/v1/complaints/JB${f.county}2015000001/recoveries`, payload: { obtainedFen: 100, recoveredFen: 0, fineMultiple: 1, decidedOn: '2015-10-01' } }),
  'GET /api/v1/registry/template.xlsx': () => ({ method: 'GET', url: '/api/v1/registry/template.xlsx' }),
  'POST /api/v1/registry/imports': (f) => ({ method: 'POST', url: '/api/v1/registry/imports?format=csv', payload: Buffer.from(`户序号,村(社区)代码,户籍性质,家庭住址,姓名,身份证号码,与户主关系,劳动能力\n1,${f.village},城镇,越权路1号,越权导,${idNumber('1977-07-07')},户主,有劳动能力\n`) }),
  'GET /api/v1/registry/imports/:reportId/errors.xlsx': () => ({ method: 'GET', url: '/api/v1/registry/imports/1/errors.xlsx' }),
  'POST /api/v1/households/search': (f) => ({ method: 'POST', url: '/api/v1/households/search', payload: { idNumber: f.idNumber } }),
  'POST /api/v1/households/export.xlsx': (f) => ({ method: 'POST', url: '/api/v1/households/export.xlsx', payload: { idNumber: f.idNumber, unmask: true } }),
  'GET /api/v1/households/export.xlsx': (f) => ({ method: 'GET', url: `/api/v1/households/export.xlsx?area=${f.township}&unmask=true` }),
  ...authProbes,
  ...verificationProbes,
  ...payrollProbes,
  ...medicalSubsidyProbes,
  ...statsProbes,
  ...medicalSettlementProbes,
  ...medicalClaimProbes,
  ...disasterProbes,
  ...disasterBatchProbes,
  ...disasterDamageProbes,
  ...housingInsuranceProbes,
  ...reliefStationProbes,
  ...wishesProbes,
  ...leftBehindProbes,
  ...institutionProbes,
  ...placementProbes,
  ...volunteerProbes,
  ...rerateProbes,
  ...intakePendingProbes,
  ...casesInboxProbes,
  ...casesConfirmProbes,
  ...purchasedServicesProbes,
  ...caseloadProbes,
  ...fundsProbes,
  ...intakeDocumentProbes,
  ...outreachProbes,
  ...householdVisitProbes,
  ...complaintSubjectProbes,
  ...todoProbes,
  ...dciClientProbes,
};

const HEADS: Record<Place, { id: string; name: string }> = {
  wenfeng: { id: idNumber('1950-01-01', 'male'), name: '韦文峰' },
  guanghui: { id: idNumber('1951-01-01', 'female'), name: '蒙广惠' },
  fuquan: { id: idNumber('1952-01-01', 'male', '522702'), name: '罗福泉' },
  qiandongnan: { id: idNumber('1953-01-01', 'female', '522601'), name: '杨凯里' },
};
const PLACES: Record<Place, Omit<Foreign, 'householdNo' | 'caseNo' | 'idNumber' | 'institutionId'>> = {
  wenfeng: { county: '522701', township: '522701002', village: '522701002001', names: ['文峰', 'wenfeng', HEADS.wenfeng.name], user: 'wenfeng.caseworker' },
  guanghui: { county: '522701', township: '522701001', village: '522701001001', names: ['广惠', 'guanghui', 'duyun', HEADS.guanghui.name], user: 'guanghui.caseworker' },
  fuquan: { county: '522702', township: '522702001', village: '522702001001', names: ['金山街道', 'fuquan.caseworker', HEADS.fuquan.name], user: 'fuquan.caseworker' },
  qiandongnan: { county: '522601', township: '522601001', village: '522601001001', names: ['凯里', '城西街道', 'kaili', HEADS.qiandongnan.name], user: 'kaili.caseworker' },
};

/** Every kind of staff and partner user, and a neighbouring prefecture's admin (the citizen: its own test below). */
const SUBJECTS: Subject[] = [
  { username: 'guanghui.clerk', password: DEMO_PASSWORD, who: '村（社区）社会救助协理员', foreign: 'wenfeng' },
  { username: 'guanghui.caseworker', password: DEMO_PASSWORD, who: '乡镇（街道）经办员', foreign: 'wenfeng' },
  { username: 'duyun.approver', password: DEMO_PASSWORD, who: '县级审批员', foreign: 'fuquan' },
  { username: 'fuquan.matrix', password: STRONG_PASSWORD, who: '另一县的审批员', foreign: 'guanghui' },
  { username: 'qiannan.admin', password: DEMO_PASSWORD, who: '州级管理员', foreign: 'qiandongnan' },
  { username: 'qiannan.auditor', password: DEMO_PASSWORD, who: '州级审计', foreign: 'qiandongnan' },
  { username: 'duyun.auditor', password: STRONG_PASSWORD, who: '县级审计', foreign: 'fuquan' },
  { username: 'qiandongnan.admin', password: STRONG_PASSWORD, who: '邻州管理员', foreign: 'guanghui' },
  { username: 'duyun.medical', password: DEMO_PASSWORD, who: '本县医保部门（未转办的家庭）', foreign: 'wenfeng', personOnly: true },
  ...DEPARTMENTS.map((d): Subject => ({ username: `fuquan.${d}`, password: STRONG_PASSWORD, who: `另一县协作部门 ${d}`, foreign: 'wenfeng' })),
];

describe(`scope on every route, for every kind of user (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  const foreign = {} as Record<Place, Foreign>;
  const inject = async (token: string, req: ReturnType<Probe>, remoteAddress = '127.0.0.1') =>
    built.app.inject({ method: req.method, url: req.url, headers: bearer(token), remoteAddress, ...(req.payload ? { payload: req.payload } : {}) });
  const must = async (token: string, req: ReturnType<Probe>, status: number) => {
    const res = await inject(token, req);
    if (res.statusCode !== status) throw new Error(`${req.method} ${req.url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };
  const user = (token: string, username: string, role: string, areaCode: string, department?: string) =>
    must(token, { method: 'POST', url: '/api/v1/users', payload: { username, displayName: username, password: STRONG_PASSWORD, role, areaCode, ...(department ? { department } : {}) } }, 201);

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    // The neighbouring prefecture, 黔东南州, with its own admin.
    await loadPrefecture(db, systemScope('test'), '522600');
    await createUser(db, systemScope('test'), { username: 'qiandongnan.admin', displayName: '黔东南州管理员', password: STRONG_PASSWORD, role: 'prefecture_admin', areaCode: '522600' });
    const admin = await tokenFor(built, 'qiannan.admin');
    const qdn = await tokenFor(built, 'qiandongnan.admin', STRONG_PASSWORD);
    await user(admin, 'fuquan.matrix', 'county_approver', '522702');
    await user(admin, 'fuquan.caseworker', 'township_caseworker', '522702001');
    await user(admin, 'duyun.auditor', 'auditor', '522701');
    for (const d of DEPARTMENTS) await user(admin, `fuquan.${d}`, 'partner', '522702', d);
    await user(qdn, 'kaili.caseworker', 'township_caseworker', '522601001');
    // A household and a case in every place, made by that place's own caseworker, so there is something to leak.
    for (const place of Object.keys(PLACES) as Place[]) {
      const p = PLACES[place];
      const token = await tokenFor(built, p.user, place === 'fuquan' || place === 'qiandongnan' ? STRONG_PASSWORD : DEMO_PASSWORD);
      const head = HEADS[place];
      const h = await must(token, { method: 'POST', url: '/api/v1/households', payload: householdInput(p.village, [memberInput({ idNumber: head.id, name: head.name }), memberInput({ relation: 'child', name: `${head.name}子` })]) }, 201);
      const householdNo = h.householdNo as string;
      const c = await must(token, { method: 'POST', url: '/api/v1/cases', payload: { programme: 'dibao', householdNo, applicantIdNumber: head.id, appliedOn: '2015-09-01' } }, 201);
      // An institution of the place's county (黔东南 has no demo ones: one is added), target of the register's probes.
      const home = await db.kysely.selectFrom('institutions').select('id').where('county_code', '=', p.county).orderBy('id').executeTakeFirst()
        ?? await db.kysely.insertInto('institutions').values({ county_code: p.county, name: `${p.names[0]}敬老院`, kind: 'nursing_home', beds: 50 }).returning('id').executeTakeFirstOrThrow();
      // A 政策找人 task of the household (a poverty file, its case not granted: on the poverty_uncovered list).
      await db.kysely.updateTable('households').set({ poverty_file: true }).where('household_no', '=', householdNo).execute();
      await must(token, { method: 'POST', url: '/api/v1/outreach/tasks/generate', payload: { area: p.township, kinds: ['poverty_uncovered'] } }, 200);
      const task = await db.kysely.selectFrom('outreach_tasks as o').innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'o.county_code').onRef('h.id', '=', 'o.household_id'))
        .select('o.id').where('h.household_no', '=', householdNo).executeTakeFirstOrThrow();
      // A connected system of the place's township (the target of the connected systems' probes).
      await addClient(db, systemScope('test'), { clientId: dciClientOf(p), name: `${p.names[0]}接入系统`, areaCodes: [p.township], attributes: ['sex'] });
      foreign[place] = { ...p, householdNo, idNumber: head.id, caseNo: c.caseNo as string, institutionId: Number(home.id), outreachTaskId: Number(task.id) };
    }
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  it('has a probe for every registered API route', () => {
    const api = built.routes.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);
    expect(api.length).toBeGreaterThan(5);
    expect(api.filter((k) => !(k in PROBES))).toEqual([]);
  });

  SUBJECTS.forEach((subject, n) => {
    it(`${subject.who} ${subject.username} gets and changes nothing of ${subject.foreign} from any route`, async () => {
      const f = foreign[subject.foreign];
      const token = await tokenFor(built, subject.username, subject.password);
      const seen: string[] = [];
      // logout last: it ends the session the other probes use
      const routes = built.routes.filter((r) => r.url.startsWith('/api/v1/')).sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
      const keys = subject.personOnly ? [f.householdNo, f.idNumber, HEADS[subject.foreign].name] : [f.township, f.village, f.householdNo, f.idNumber, ...f.names];
      let probed = 0;
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const probe = PROBES[key];
        if (!probe) continue;
        probed++;
        // Each subject from its own address, so the login probes of one do not throttle the next.
        const res = await inject(token, probe(f), `10.15.0.${n + 1}`);
        const leaked = keys.filter((s) => res.statusCode < 300 && res.body.includes(s));
        const wrote = route.method !== 'GET' && !key.startsWith('POST /api/v1/auth/') && !READ_ONLY_POSTS.has(key) && res.statusCode < 300;
        // A refusal that says "out of your scope" tells that the record exists elsewhere: an existence oracle.
        const oracle = res.statusCode === 403 && res.body.includes('管辖范围');
        if (leaked.length > 0 || wrote || oracle || res.statusCode >= 500) seen.push(`${key} → ${res.statusCode} ${leaked.join(',')}${oracle ? ' 403 names the scope' : ''}`);
      }
      expect(probed).toBe(routes.length);
      expect(seen).toEqual([]);
    });
  });

  it('has a probe for every registered portal route', () => {
    const portal = built.routes.filter((r) => r.url.startsWith('/api/portal/v1/')).map((r) => `${r.method} ${r.url}`);
    expect(portal.length).toBeGreaterThan(3);
    expect(portal.filter((k) => !(k in portalProbes))).toEqual([]);
  });

  it('a citizen signed in to the portal gets and changes nothing of another household, from any portal or staff route', async () => {
    // 蒙广惠, head of the 广惠 household, with a live portal session; the other household is 文峰's.
    const token = crypto.randomBytes(32).toString('base64url');
    const now = clock().now();
    await db.kysely.insertInto('portal_sessions').values({ token_hash: crypto.createHash('sha256').update(token).digest('hex'), id_number: HEADS.guanghui.id, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + 3_600_000), revoked_at: null }).execute();
    const f = foreign.wenfeng;
    const keys = [f.householdNo, f.idNumber, f.caseNo, HEADS.wenfeng.name, `${HEADS.wenfeng.name}子`];
    const seen: string[] = [];
    // logout last: it ends the session the other probes use
    const routes = built.routes.filter((r) => r.url.startsWith('/api/portal/v1/') || r.url.startsWith('/api/v1/')).sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    let probed = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const probe = portalProbes[key] ?? PROBES[key];
      if (!probe) continue;
      probed++;
      const req = probe(f);
      const res = await built.app.inject({ method: req.method, url: req.url, cookies: { jiuzhu_portal: token }, remoteAddress: '10.16.0.1', ...(req.payload ? { payload: req.payload } : {}) });
      const leaked = keys.filter((s) => res.statusCode < 300 && res.body.includes(s));
      const signIn = key.startsWith('POST /api/v1/auth/') || key.startsWith('POST /api/portal/v1/auth/');
      const wrote = route.method !== 'GET' && !signIn && !READ_ONLY_POSTS.has(key) && res.statusCode < 300;
      // The staff API knows no citizen: every route that is not open answers 401.
      const staffOpen = key === 'GET /api/v1/error-codes' || key.startsWith('POST /api/v1/auth/');
      const staffLet = route.url.startsWith('/api/v1/') && !staffOpen && res.statusCode !== 401;
      if (leaked.length > 0 || wrote || staffLet || res.statusCode >= 500) seen.push(`${key} → ${res.statusCode} ${leaked.join(',')}`);
      // The session held: the citizen's own household shows (the probes were not all refused at the door).
      if (key === 'GET /api/portal/v1/me') expect([res.statusCode, res.body.includes(foreign.guanghui.householdNo)]).toEqual([200, true]);
    }
    expect(probed).toBe(routes.length);
    expect(seen).toEqual([]);
  });

  it('has a probe for every SPDCI route; staff and citizens are refused there; a client of another area gets none of its households', async () => {
    const dci = built.routes.filter((r) => r.url.startsWith('/dci/')).map((r) => `${r.method} ${r.url}`);
    expect(dci.length).toBeGreaterThan(5);
    expect(dci.filter((k) => !(k in dciProbes))).toEqual([]);
    const f = foreign.wenfeng;
    const keys = [f.householdNo, f.idNumber, HEADS.wenfeng.name, `${HEADS.wenfeng.name}子`];
    const open = new Set(['POST /dci/oauth2/client/token', 'GET /dci/.well-known/jwks.json']);
    const seen: string[] = [];
    const staff = await tokenFor(built, 'qiannan.admin');
    // A client of 广惠 (every attribute, unmasked names and ID numbers), signing its requests.
    const pair = crypto.generateKeyPairSync('ed25519');
    const { secret } = await addClient(db, systemScope('test'), {
      clientId: DCI_PROBE_SENDER, name: '探测接入系统', areaCodes: ['522701001'], attributes: [...ATTRIBUTES], unmasked: ['name', 'id_number'],
      publicKeys: JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'p1' }] }), callbackUrls: ['https://93.184.216.34/cb'],
    });
    const t = await built.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', payload: { grant_type: 'client_credentials', client_id: DCI_PROBE_SENDER, client_secret: secret } });
    const client = (t.json() as { access_token: string }).access_token;
    const sign = (payload: object | undefined) => {
      const p = payload as { header?: object; message?: object } | undefined;
      return p?.header ? { ...p, signature: signEnvelope(p.header, p.message, { kid: 'p1', privateKey: pair.privateKey, algorithm: DEFAULT_ALGORITHM }, DCI_PROBE_SENDER) } : payload;
    };
    for (const key of dci) {
      const probe = dciProbes[key]!;
      const req = probe(f);
      const send = (headers: Record<string, string>, payload = req.payload) => built.app.inject({ method: req.method, url: req.url, headers, remoteAddress: '10.17.0.1', ...(payload ? { payload } : {}) });
      for (const [who, res] of [['staff', await send(bearer(staff))], ['citizen', await send({ cookie: 'jiuzhu_portal=x' })], ['client', await send(bearer(client), sign(req.payload))]] as const) {
        const leaked = keys.filter((s) => res.body.includes(s));
        const let_in = who !== 'client' && !open.has(key) && res.statusCode !== 401;
        if (leaked.length > 0 || let_in || res.statusCode >= 500) seen.push(`${who} ${key} → ${res.statusCode} ${leaked.join(',')}`);
      }
    }
    expect(seen).toEqual([]);
    // The client's own area shows (the probes were not all refused at the door).
    const own = sign(dciProbes['POST /dci/sr/registry/sync/search']!(foreign.guanghui).payload);
    const res = await built.app.inject({ method: 'POST', url: '/dci/sr/registry/sync/search', headers: bearer(client), payload: own });
    expect([res.statusCode, res.body.includes(foreign.guanghui.idNumber)]).toEqual([200, true]);
  });

  it('answers another area\'s record exactly as one that does not exist: same status, body and timing class', async () => {
    const token = await tokenFor(built, 'guanghui.caseworker');
    const f = foreign.wenfeng;
    const missingHousehold = `${f.householdNo.slice(0, 6)}99999999`;
    const missingCase = f.caseNo.replace(/\d{6}$/, '999999');
    const pairs: [string, string, string][] = [
      [`/api/v1/households/${f.householdNo}`, `/api/v1/households/${missingHousehold}`, f.householdNo],
      [`/api/v1/households/${f.householdNo}/timeline`, `/api/v1/households/${missingHousehold}/timeline`, f.householdNo],
      [`/api/v1/cases/${f.caseNo}`, `/api/v1/cases/${missingCase}`, f.caseNo],
      [`/api/v1/cases/by-household/${f.householdNo}`, `/api/v1/cases/by-household/${missingHousehold}`, f.householdNo],
    ];
    for (const [outside, missing, id] of pairs) {
      const a = await inject(token, { method: 'GET', url: outside });
      const b = await inject(token, { method: 'GET', url: missing });
      const missingId = missing.includes(missingCase) ? missingCase : missingHousehold;
      expect([a.statusCode, b.statusCode], outside).toEqual([404, 404]);
      expect(a.body.replaceAll(id, 'ID'), outside).toBe(b.body.replaceAll(missingId, 'ID'));
      // Same work either way: no extra lookup tells the two apart. Samples alternate, so load on the
      // machine falls on both alike; medians must be of one class (within a factor of four).
      const times: [number[], number[]] = [[], []];
      for (let i = 0; i < 25; i++) {
        for (const [k, url] of [outside, missing].entries()) {
          const t = performance.now();
          await inject(token, { method: 'GET', url });
          times[k]!.push(performance.now() - t);
        }
      }
      const [ta, tb] = times.map((ts) => ts.sort((x, y) => x - y)[12] as number) as [number, number];
      expect(Math.max(ta, tb) / Math.min(ta, tb), `${outside}: ${ta.toFixed(2)} ms vs ${tb.toFixed(2)} ms`).toBeLessThan(4);
    }
  });
});
