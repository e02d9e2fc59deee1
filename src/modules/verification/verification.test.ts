import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { onFixedDate } from '../../test/clock.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, memberInput } from '../../test/households.ts';
import { testApp, tokenFor } from '../../test/http.ts';
import { makeIdNumber } from '../../kernel/id-number.ts';
import { approvedDibao, caller, stepper, visit } from '../cases/testing.ts';
import type { RawRecord } from './domain/records.ts';
import type { Source } from './domain/sources.ts';
import { noiseRecords, type Planted } from './testing.ts';

type Finding = { id: number; idNumber: string; source: string; item: string; match: string; breaksLimit: boolean; resolution: string | null; relation: string | null };
type CaseView = { flags: string[]; authorizationMissing: string | null; requests: { requestNo: string; kind: string; unresolvedBreaking: number; findings: Finding[] }[] };

let seq = 100;
const person = (birth: string, sex: 'male' | 'female' = 'male') => makeIdNumber('522701', birth, seq++, sex);

describe(`economic status verification (${ENGINE})`, () => {
  // After the death of 2026-10-20 that the rescreen finds.
  const today = onFixedDate('2026-11-16');
  let db: Database;
  let built: BuiltApp;
  let call: ReturnType<typeof caller>;
  let s: ReturnType<typeof stepper>;
  let township: string;
  let county: string;

  const household = async (names: [string, string, 'head' | 'spouse' | 'child'][]) => {
    const members = names.map(([name, birth, relation]) => memberInput({ idNumber: person(birth), name, relation }));
    const res = await call('POST', '/households', township, householdInput('522701001001', members));
    if (res.statusCode !== 201) throw new Error(res.body);
    return { householdNo: (res.json() as { householdNo: string }).householdNo, members: members.map((m) => ({ idNumber: String(m.idNumber), name: String(m.name), birthDate: names[members.indexOf(m)]![1] })) };
  };
  const openCase = async (householdNo: string, applicant: string, programme = 'dibao') => {
    const res = await call('POST', '/cases', township, { programme, householdNo, applicantIdNumber: applicant, appliedOn: '2026-11-02' });
    if (res.statusCode !== 201) throw new Error(res.body);
    return (res.json() as { caseNo: string }).caseNo;
  };
  const snapshot = async (source: Source, records: RawRecord[], date = '2026-11-01') => {
    const res = await call('POST', `/verification/sources/${source}/records`, county, { snapshotDate: date, records });
    if (res.statusCode !== 201) throw new Error(`${source}: ${res.body}`);
    return res.json() as { snapshotId: number; version: number; rows: number };
  };
  const authorize = async (householdNo: string, idNumber: string, extra: object = {}) => {
    const res = await call('POST', '/verification/authorizations', township, { householdNo, signerRole: 'household', signerName: '罗签署', signerIdNumber: idNumber, signedOn: '2026-11-02', ...extra });
    expect(res.statusCode, res.body).toBe(201);
  };
  const view = async (caseNo: string) => (await call('GET', `/verification/cases/${caseNo}`, township)).json() as CaseView;
  const request = async (caseNo: string) => {
    const res = await call('POST', `/verification/cases/${caseNo}/requests`, township, {});
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { requestNo: string; findings: number };
  };
  const key = (f: { idNumber: string; source: string; item: string }) => `${f.idNumber}/${f.source}/${f.item}`;

  let a: Awaited<ReturnType<typeof household>>;
  let b: Awaited<ReturnType<typeof household>>;
  let caseA: string;
  let caseB: string;
  const planted: Planted[] = [];

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    call = caller(built);
    s = stepper(built);
    township = await tokenFor(built, 'guanghui.caseworker');
    county = await tokenFor(built, 'duyun.approver');
    a = await household([['罗大成', '1975-04-02', 'head'], ['吴小梅', '1977-08-09', 'spouse'], ['罗小明', '2005-06-01', 'child']]);
    b = await household([['杨光荣', '1968-02-03', 'head'], ['杨秀英', '1970-10-11', 'spouse']]);
    caseA = await openCase(a.householdNo, a.members[0]!.idNumber);
    caseB = await openCase(b.householdNo, b.members[0]!.idNumber);
    const [headA, spouseA, childA] = a.members as [typeof a.members[number], typeof a.members[number], typeof a.members[number]];
    // Planted hits on household A, each beside noise of persons not in the registry.
    const plant = (source: Source, item: string, rec: RawRecord, idNumber: string) => {
      planted.push({ idNumber, source, item });
      return { item, ...rec };
    };
    await snapshot('bank_deposits', [...noiseRecords('bank_deposits', 300, 1), plant('bank_deposits', 'deposit', { idNumber: headA.idNumber, amount: 1500 }, headA.idNumber)]);
    await snapshot('vehicles', [...noiseRecords('vehicles', 300, 2), plant('vehicles', 'car', { idNumber: spouseA.idNumber, detail: '贵J·12345' }, spouseA.idNumber)]);
    await snapshot('social_insurance', [...noiseRecords('social_insurance', 300, 3), plant('social_insurance', 'pension', { idNumber: headA.idNumber, amount: 120 }, headA.idNumber)]);
    // No ID number in this source's row: matched by name + birth date (weaker).
    await snapshot('commercial_insurance', [...noiseRecords('commercial_insurance', 300, 4), plant('commercial_insurance', 'policy', { name: childA.name, birthDate: childA.birthDate, amount: 800 }, childA.idNumber)]);
    await snapshot('tax', noiseRecords('tax', 300, 5));
    // A village cadre of A's and B's village, whose sibling is B's head; a cadre of 福泉市 whose sibling is B's spouse (not the same area).
    await snapshot('village_cadres', [
      ...noiseRecords('village_cadres', 100, 6),
      { officialIdNumber: makeIdNumber('522701', '1966-01-01', 901, 'male'), officialName: '杨村长', areaCode: '522701001001', detail: '村委会主任', relation: '兄弟姐妹', idNumber: b.members[0]!.idNumber, name: b.members[0]!.name },
      { officialIdNumber: makeIdNumber('522702', '1965-01-01', 902, 'male'), officialName: '外地干部', areaCode: '522702001001', detail: '村支书', relation: 'sibling', idNumber: b.members[1]!.idNumber, name: b.members[1]!.name },
    ]);
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  it('refuses a request without the household authorization, and a hardship request without the supporters\'', async () => {
    const res = await call('POST', `/verification/cases/${caseA}/requests`, township, {});
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: 'authorization_required', message: expect.stringContaining('授权') });
    const h = await household([['韦孤老', '1940-01-01', 'head']]);
    const hardship = await openCase(h.householdNo, h.members[0]!.idNumber, 'hardship');
    await authorize(h.householdNo, h.members[0]!.idNumber);
    const refused = await call('POST', `/verification/cases/${hardship}/requests`, township, {});
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as { error: { message: string } }).error.message).toContain('义务人');
    const ok = await call('POST', '/verification/authorizations', township, { householdNo: h.householdNo, signerRole: 'supporter', signerName: '韦赡养', signerIdNumber: person('1965-03-03'), signedOn: '2026-11-02' });
    expect(ok.statusCode).toBe(201);
    expect((await call('POST', `/verification/cases/${hardship}/requests`, township, {})).statusCode).toBe(201);
  });

  it('records the authorization signed by a member picked from the case\'s member list; a member of another household is refused naming the field', async () => {
    const h = await household([['罗签一', '1960-02-02', 'head'], ['罗签二', '1962-03-03', 'spouse']]);
    const other = await household([['杨外户', '1961-04-04', 'head']]);
    const caseNo = await openCase(h.householdNo, h.members[0]!.idNumber);
    type Members = { members: { memberId: number; name: string; idNumber: string; relation: string }[]; authorizations: { signerName: string }[] };
    const listed = ((await call('GET', `/verification/cases/${caseNo}`, township)).json() as Members).members;
    // Listed masked, as the rest of the case page shows members.
    expect(listed.map((m) => [m.name, m.idNumber, m.relation])).toEqual(h.members.map((m, i) => [m.name, `${m.idNumber.slice(0, 6)}********${m.idNumber.slice(14)}`, i === 0 ? 'head' : 'spouse']));
    const otherCase = await openCase(other.householdNo, other.members[0]!.idNumber);
    const stranger = ((await call('GET', `/verification/cases/${otherCase}`, township)).json() as Members).members[0]!.memberId;
    const post = (extra: object) => call('POST', '/verification/authorizations', township, { householdNo: h.householdNo, signerRole: 'household', signedOn: '2026-11-02', ...extra });
    for (const [body, field] of [[{ signerMemberId: stranger }, 'signerMemberId'], [{ signerMemberId: listed[1]!.memberId, signerIdNumber: h.members[1]!.idNumber }, 'signerMemberId'], [{}, 'signerName']] as const) {
      const bad = await post(body);
      expect(bad.statusCode, bad.body).toBe(400);
      expect((bad.json() as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field)).toEqual([field]);
    }
    expect(((await call('GET', `/verification/cases/${caseNo}`, township)).json() as Members).authorizations).toEqual([]);
    const ok = await post({ signerMemberId: listed[1]!.memberId });
    expect(ok.statusCode, ok.body).toBe(201);
    const after = (await call('GET', `/verification/cases/${caseNo}`, township)).json() as Members & CaseView;
    expect(after.authorizations.map((a) => a.signerName)).toEqual(['罗签二']);
    expect(after.authorizationMissing).toBeNull();
  });

  it('finds every planted hit and no other, the name + birth date match marked weaker', async () => {
    await authorize(a.householdNo, a.members[0]!.idNumber);
    const r = await request(caseA);
    const v = await view(caseA);
    const findings = v.requests.at(-1)!.findings;
    expect(v.requests.at(-1)!.requestNo).toBe(r.requestNo);
    expect(new Set(findings.map(key))).toEqual(new Set(planted.map(key)));
    expect(findings).toHaveLength(planted.length);
    expect(findings.find((f) => f.source === 'commercial_insurance')?.match).toBe('name_birth');
    expect(findings.filter((f) => f.source !== 'commercial_insurance').every((f) => f.match === 'id')).toBe(true);
    // Deposits of 1,500 yuan are within 12 months' standard; a car is not allowed; a 120 yuan pension is under the standard.
    const by = (src: string) => findings.find((f) => f.source === src)!;
    expect(by('vehicles').breaksLimit).toBe(true);
    expect(by('bank_deposits').breaksLimit).toBe(false);
    expect(by('social_insurance').breaksLimit).toBe(false);
  });

  it('keeps the verification step shut until the disqualifying finding is resolved, then the case moves on', async () => {
    await s.step(township, caseA, 'home_visit', visit('2026-11-03'));
    const { requestNo } = (await view(caseA)).requests.at(-1)!;
    const blocked = await s.refused(township, caseA, 'verify_economic_status', { data: { method: 'request', requestNo, result: 'pass', note: '按核对结果' } });
    expect(blocked).toMatchObject({ status: 409, code: 'verification_unresolved' });
    const car = (await view(caseA)).requests.at(-1)!.findings.find((f) => f.breaksLimit)!;
    const resolved = await call('POST', `/verification/findings/${car.id}/resolution`, township, { resolution: 'false_match', note: '车辆登记在同名同号的外地人员名下，系误匹配' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await call('POST', `/verification/findings/${car.id}/resolution`, township, { resolution: 'confirmed', note: '再次处理' })).statusCode).toBe(409);
    const manual = await s.refused(township, caseA, 'verify_economic_status', { data: { result: 'pass', note: '人工核对' } });
    expect(manual).toMatchObject({ status: 400, code: 'verification_request_exists' });
    expect(await s.step(township, caseA, 'verify_economic_status', { data: { method: 'request', requestNo, result: 'pass', note: '核对发现已逐项处理' } })).toMatchObject({ state: 'verified' });
  });

  it('flags a planted cadre\'s sibling of the same area (county visit 100%) and lists it for the county; not a cadre\'s of another county', async () => {
    await authorize(b.householdNo, b.members[0]!.idNumber);
    await request(caseB);
    const v = await view(caseB);
    expect(v.flags).toContain('cadre_relative');
    const kin = v.requests.at(-1)!.findings.filter((f) => f.source === 'village_cadres');
    expect(kin.map((f) => [f.idNumber, f.relation])).toEqual([[b.members[0]!.idNumber, 'sibling']]);
    const list = (await call('GET', '/verification/favouritism?area=522701', county)).json() as { items: { caseNo: string; officialName: string }[] };
    expect(list.items.map((i) => [i.caseNo, i.officialName])).toContainEqual([caseB, '杨村长']);
    const wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    expect(((await call('GET', '/verification/favouritism', wenfeng)).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a bad file whole, naming row and field; keeps every good import as a new version', async () => {
    const before = ((await call('GET', '/verification/snapshots?source=bank_deposits', county)).json() as unknown[]).length;
    const csv = ['公民身份号码,姓名,出生日期,项目,金额或数值,日期,说明', `${a.members[1]!.idNumber},吴小梅,,存款余额,100.00,,`, `52270119750402123X,罗大成,,存款余额,5,,`, `,无名,,存款余额,5,,`, `${a.members[0]!.idNumber},罗大成,,存款余额,-3,,`].join('\n');
    const res = await built.app.inject({ method: 'POST', url: '/api/v1/verification/sources/bank_deposits/snapshots?format=csv&snapshotDate=2026-11-05', headers: { authorization: `Bearer ${county}`, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(400);
    const err = (res.json() as { error: { code: string; message: string; details: { errors: { row: number; field: string }[] } } }).error;
    expect(err.code).toBe('invalid_rows');
    expect(err.message).toContain('第 3 行');
    expect(err.details.errors.map((e) => [e.row, e.field])).toEqual([[3, '公民身份号码'], [4, '公民身份号码'], [5, '金额或数值']]);
    expect(((await call('GET', '/verification/snapshots?source=bank_deposits', county)).json() as unknown[]).length).toBe(before);
    const good = await built.app.inject({ method: 'POST', url: '/api/v1/verification/sources/bank_deposits/snapshots?format=csv&snapshotDate=2026-11-05', headers: { authorization: `Bearer ${county}`, 'content-type': 'text/csv' }, payload: csv.split('\n').slice(0, 2).join('\n') });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({ version: 2, rows: 1 });
    const template = await call('GET', '/verification/sources/village_cadres/template?format=xlsx', county);
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.readUInt32LE(0)).toBe(0x04034b50);
  });

  it('rescreens recipients: a death raises a warning that makes the review due; found once; listed as dead in payment', async () => {
    const approved = await approvedDibao(built, { township, county });
    const dead = (await db.kysely.selectFrom('members').select(['id_number', 'name']).where('id_number', '=', approved.headId).executeTakeFirstOrThrow());
    await snapshot('hukou', [...noiseRecords('hukou', 200, 7), { idNumber: dead.id_number, name: dead.name, item: '死亡注销', eventDate: '2026-10-20' }]);
    const run = await call('POST', '/verification/rescreens', county, {});
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json()).toMatchObject({ warnings: 1 });
    const c = (await call('GET', `/cases/${approved.caseNo}`, county)).json() as { flags: string[]; reviewDue: string };
    expect(c.flags).toContain('verification_warning');
    expect(c.reviewDue <= today).toBe(true);
    const results = (await call('GET', '/verification/rescreen-findings?breaking=true', county)).json() as { items: { caseNo: string; item: string }[] };
    expect(results.items).toContainEqual(expect.objectContaining({ caseNo: approved.caseNo, item: 'death' }));
    const again = await call('POST', '/verification/rescreens', county, {});
    expect(again.json()).toMatchObject({ findings: 0, warnings: 0 });
    const checks = (await call('GET', '/verification/cross-checks?area=522701', county)).json() as { deadInPayment: { caseNo: string; dateOfDeath: string }[] };
    expect(checks.deadInPayment).toContainEqual(expect.objectContaining({ caseNo: approved.caseNo, dateOfDeath: '2026-10-20' }));
  });

  it('lists the same person in dibao in two places', async () => {
    const one = await approvedDibao(built, { township, county });
    const two = await approvedDibao(built, { township, county });
    // The head moved into the second household's case as its applicant while still in the first (a record of another place).
    await db.kysely.updateTable('cases').set({ applicant_id_number: one.headId }).where('case_no', '=', two.caseNo).execute();
    const checks = (await call('GET', '/verification/cross-checks', county)).json() as { duplicateDibao: { caseNo: string; idNumber: string }[] };
    expect(checks.duplicateDibao.filter((d) => d.idNumber === one.headId).map((d) => d.caseNo).sort()).toEqual([one.caseNo, two.caseNo].sort());
  });

  it('property: a request finds exactly the planted deposits among noise', async () => {
    const members = [...a.members, ...b.members];
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.subarray(members.map((_, i) => i)), fc.integer({ min: 0, max: 400 }), async (chosen, noise) => {
      run++;
      const recs: RawRecord[] = [...noiseRecords('securities', noise, 100 + run), ...chosen.map((i) => ({ idNumber: members[i]!.idNumber, item: 'securities', amount: 10 + i }))];
      await snapshot('securities', recs.length > 0 ? recs : noiseRecords('securities', 1, 999));
      await request(caseB);
      const found = (await view(caseB)).requests.at(-1)!.findings.filter((f) => f.source === 'securities').map((f) => f.idNumber).sort();
      expect(found).toEqual(chosen.map((i) => members[i]!.idNumber).filter((id) => b.members.some((m) => m.idNumber === id)).sort());
    }), { numRuns: 6, seed: 7 });
  });
});
