import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { bearer, testApp, tokenFor } from '../test/http.ts';
import type { BuiltApp } from './app.ts';
import { payrollProbes } from './probes/payroll.ts';
import { statsProbes } from './probes/stats.ts';
import type { Foreign, Probe } from './probes/types.ts';
import { verificationProbes } from './probes/verification.ts';

/** Someone, and data of an area outside their scope. */
interface Subject {
  username: string;
  password: string;
  foreign: Foreign;
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
  'GET /api/v1/institutions': (f) => ({ method: 'GET', url: `/api/v1/institutions?county=${f.county}` }),
  'POST /api/v1/institutions': (f) => ({ method: 'POST', url: '/api/v1/institutions', payload: { countyCode: f.county, name: '越权敬老院', beds: 10 } }),
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
  'GET /api/v1/households/export.xlsx': (f) => ({ method: 'GET', url: `/api/v1/households/export.xlsx?area=${f.township}&unmask=true` }),
  ...verificationProbes,
  ...payrollProbes,
  ...statsProbes,
};

const WENFENG_HEAD = idNumber('1950-01-01', 'male');
const GUANGHUI_HEAD = idNumber('1951-01-01', 'female');
const SUBJECTS: Subject[] = [
  { username: 'guanghui.caseworker', password: 'jiuzhu-demo', foreign: { county: '522702', township: '522701002', village: '522701002001', names: ['文峰', 'wenfeng', '韦文峰'], householdNo: '', idNumber: WENFENG_HEAD, caseNo: '' } },
  { username: 'fuquan.matrix', password: 'long-enough-pw', foreign: { county: '522701', township: '522701001', village: '522701001001', names: ['广惠', 'guanghui', 'duyun', '蒙广惠'], householdNo: '', idNumber: GUANGHUI_HEAD, caseNo: '' } },
];

describe(`area scope on every route (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    const admin = await tokenFor(built, 'qiannan.admin');
    await built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: { username: 'fuquan.matrix', displayName: '福泉审批', password: 'long-enough-pw', role: 'county_approver', areaCode: '522702' } });
    // Activity and households in the foreign areas, so there is something to leak.
    const wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    const guanghui = await tokenFor(built, 'guanghui.caseworker');
    const make = async (token: string, village: string, head: string, name: string) => {
      const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(token), payload: householdInput(village, [memberInput({ idNumber: head, name }), memberInput({ relation: 'child', name: `${name}子` })]) });
      if (res.statusCode !== 201) throw new Error(res.body);
      return (res.json() as { householdNo: string }).householdNo;
    };
    SUBJECTS[0]!.foreign.householdNo = await make(wenfeng, '522701002001', WENFENG_HEAD, '韦文峰');
    SUBJECTS[1]!.foreign.householdNo = await make(guanghui, '522701001001', GUANGHUI_HEAD, '蒙广惠');
    // A case in each foreign area (cases module), opened by that area's caseworker.
    const openCase = async (token: string, householdNo: string, applicantIdNumber: string) => {
      const res = await built.app.inject({ method: 'POST', url: '/api/v1/cases', headers: bearer(token), payload: { programme: 'dibao', householdNo, applicantIdNumber, appliedOn: '2015-09-01' } });
      if (res.statusCode !== 201) throw new Error(res.body);
      return (res.json() as { caseNo: string }).caseNo;
    };
    SUBJECTS[0]!.foreign.caseNo = await openCase(wenfeng, SUBJECTS[0]!.foreign.householdNo, WENFENG_HEAD);
    SUBJECTS[1]!.foreign.caseNo = await openCase(guanghui, SUBJECTS[1]!.foreign.householdNo, GUANGHUI_HEAD);
    await tokenFor(built, 'duyun.approver');
    await tokenFor(built, 'guanghui.caseworker');
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

  for (const subject of SUBJECTS) {
    it(`${subject.username} gets nothing of ${subject.foreign.names[0]} from any route`, async () => {
      const token = await tokenFor(built, subject.username, subject.password);
      const seen: string[] = [];
      // logout last: it ends the session the other probes use
      const routes = built.routes.filter((r) => r.url.startsWith('/api/v1/')).sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
      let probed = 0;
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const probe = PROBES[key];
        if (!probe) continue;
        probed++;
        const req = probe(subject.foreign);
        const res = await built.app.inject({ method: req.method, url: req.url, headers: bearer(token), ...(req.payload ? { payload: req.payload } : {}) });
        const leaked = [subject.foreign.township, subject.foreign.village, subject.foreign.householdNo, ...subject.foreign.names].filter((s) => res.statusCode < 300 && res.body.includes(s));
        const wrote = req.method !== 'GET' && !key.startsWith('POST /api/v1/auth/') && res.statusCode < 300;
        if (leaked.length > 0 || wrote || res.statusCode >= 500) seen.push(`${key} → ${res.statusCode} ${leaked.join(',')}`);
      }
      expect(probed).toBe(routes.length);
      expect(seen).toEqual([]);
    });
  }
});
