// The portal's policy check and online applications (issue 21, must-have 1): estimates from the policy
// engine, the application landing at the township window as an online intake request with its case,
// documents checked by their bytes, the signed authorisation hashed and audited, own households only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { todayInChina } from '../kernel/clock.ts';
import { loadConfig } from '../kernel/config.ts';
import { maskIdNumber, maskName } from '../kernel/mask.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { onFixedDate } from '../test/clock.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, errorOf, tokenFor } from '../test/http.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { signInCitizen } from '../test/portal.ts';

const VILLAGE = '522701001001';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const dataUrl = (bytes: Buffer, type = 'image/png') => `data:${type};base64,${bytes.toString('base64')}`;
const doc = (name: string, bytes: Buffer) => ({ name, content: bytes.toString('base64') });

describe(`portal policy check and online applications (${ENGINE})`, () => {
  onFixedDate('2026-06-15');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-apply-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let a: { idNumber: string; householdNo: string; token: string };
  let b: { idNumber: string; householdNo: string; token: string };

  const signIn = (idNumber: string, phone: string, ip: string) => signInCitizen(built, smsFile, { idNumber, phone }, ip);
  const portal = (method: 'GET' | 'POST', url: string, token: string | null, payload?: unknown, ip = '10.30.0.1') =>
    built.app.inject({ method, url: `/api/portal/v1${url}`, remoteAddress: ip, ...(token ? { cookies: { jiuzhu_portal: token } } : {}), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const counts = async () => {
    const r = await sql<{ apps: string; docs: string; requests: string; auths: string }>`select
      (select count(*) from portal_applications) as apps, (select count(*) from intake_request_documents) as docs,
      (select count(*) from intake_requests) as requests, (select count(*) from verification_authorizations) as auths`.execute(db.kysely);
    return r.rows[0];
  };

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    const clerk = await tokenFor(built, 'guanghui.clerk');
    const create = async (phone: string, names: string[], born: string[]) => {
      const members = names.map((name, i) => memberInput({ name, relation: i === 0 ? 'head' : 'spouse', idNumber: idNumber(born[i] ?? '1980-01-01', i === 0 ? 'male' : 'female') }));
      const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(clerk), payload: householdInput(VILLAGE, members, { phone }) });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json() as { householdNo?: string; household?: { householdNo: string } };
      return { householdNo: body.householdNo ?? body.household?.householdNo ?? '', idNumber: members[0]!.idNumber as string };
    };
    const ha = await create('13822223333', ['周德顺', '吴桂英'], ['1950-03-04', '1955-06-07']);
    const hb = await create('13844445555', ['潘文军', '石秀兰'], ['1982-01-02', '1984-02-03']);
    a = { ...ha, token: await signIn(ha.idNumber, '13822223333', '10.30.1.1') };
    b = { ...hb, token: await signIn(hb.idNumber, '13844445555', '10.30.1.2') };
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const base = { areaCode: VILLAGE, hukou: 'rural', householdSize: 2, monthlyIncomeYuan: 0 };
  type Check = { programmes: { programme: string; result: string; resultLabel: string; reasons: string[]; figures: { label: string; amountFen: number }[] }[]; note: string };

  it.each([
    { name: 'no income: may qualify for 低保 with the explanation and an estimated amount', body: { ...base, monthlyIncomeYuan: 0 }, dibao: '可能符合', reason: /家庭人均月收入 0\.00 元，低于当地低保标准 \d+\.\d{2} 元/ },
    { name: 'a high income: 低保 unlikely, saying the income is not below the standard', body: { ...base, monthlyIncomeYuan: 20000 }, dibao: '可能不符合', reason: /家庭人均月收入 10000\.00 元，不低于当地低保标准/ },
    { name: 'deposits over the limit: 低保 unlikely, naming the deposits', body: { ...base, depositsYuan: 5_000_000 }, dibao: '可能不符合', reason: /存款等金融资产超过当地规定的上限（[\d.]+ 元）/ },
    { name: 'a car: 低保 unlikely, naming the vehicle', body: { ...base, ownsCar: true }, dibao: '可能不符合', reason: /机动车辆/ },
  ])('policy check (before sign-in): $name', async ({ body, dibao, reason }) => {
    const res = await portal('POST', '/policy-check', null, body);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as Check;
    expect(out.note).toContain('仅供参考，以审核为准');
    const d = out.programmes.find((p) => p.programme === 'dibao');
    expect(d?.resultLabel).toBe(dibao);
    expect(d?.reasons.join('')).toMatch(reason);
    if (dibao === '可能符合') expect(d?.figures.find((f) => f.label === '估算每月低保金')?.amountFen).toBeGreaterThan(0);
    expect(out.programmes.map((p) => p.programme)).toEqual(['dibao', 'hardship', 'temporary']);
  });

  it('policy check: an elderly person with no one to support them may qualify for 特困; with a supporter not', async () => {
    const alone = (await portal('POST', '/policy-check', null, { ...base, householdSize: 1, persons: [{ situation: 'elderly', noSupporter: true }] })).json() as Check;
    expect(alone.programmes.find((p) => p.programme === 'hardship')).toMatchObject({ resultLabel: '可能符合' });
    const supported = (await portal('POST', '/policy-check', null, { ...base, householdSize: 1, persons: [{ situation: 'elderly', noSupporter: false }] })).json() as Check;
    const h = supported.programmes.find((p) => p.programme === 'hardship');
    expect(h?.resultLabel).toBe('可能不符合');
    expect(h?.reasons.join('')).toContain('无法定赡养、抚养、扶养义务人或其无履行能力');
  });

  it.each([
    { body: { ...base, areaCode: '5227' }, field: 'areaCode' },
    { body: { ...base, areaCode: '522701999999' }, field: 'areaCode' },
    { body: { ...base, householdSize: 0 }, field: 'householdSize' },
    { body: { ...base, monthlyIncomeYuan: -1 }, field: 'monthlyIncomeYuan' },
    { body: { ...base, monthlyIncomeYuan: 1.234 }, field: 'monthlyIncomeYuan' },
    { body: { ...base, hukou: 'city' }, field: 'hukou' },
    { body: { ...base, householdSize: 1, persons: [{ situation: 'elderly', noSupporter: true }, { situation: 'minor', noSupporter: true }] }, field: 'persons' },
    { body: { ...base, persons: [{ situation: 'pensioner', noSupporter: true }] }, field: 'persons.0.situation' },
  ])('policy check: bad $field → 400 naming it', async ({ body, field }) => {
    const res = await portal('POST', '/policy-check', null, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details.fields?.map((f) => f.field)).toContain(field);
  });

  it('names the areas to choose the village from, before sign-in; a bad parent → 400 naming it', async () => {
    const top = (await portal('GET', '/areas', null)).json() as { items: { code: string; name: string; village: boolean }[] };
    expect(top.items).toContainEqual(expect.objectContaining({ code: '522700', village: false }));
    const villages = await portal('GET', `/areas?parent=${VILLAGE.slice(0, 9)}`, null);
    expect(villages.statusCode).toBe(200);
    expect((villages.json() as { items: { code: string; village: boolean }[] }).items).toContainEqual(expect.objectContaining({ code: VILLAGE, village: true }));
    const bad = await portal('GET', '/areas?parent=52', null);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details.fields?.map((f) => f.field)).toContain('parent');
  });

  it('prefill gives the registry\'s facts of the citizen\'s own household, masked; applications need sign-in', async () => {
    expect((await portal('GET', '/applications/prefill', null)).statusCode).toBe(401);
    expect((await portal('POST', '/applications', null, {})).statusCode).toBe(401);
    const res = await portal('GET', '/applications/prefill', a.token);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as { applicant: { name: string; idNumber: string }; programmes: { code: string; name: string }[]; households: { householdNo: string; members: { name: string; situation: string | null }[]; policyCheck: { areaCode: string; householdSize: number } }[] };
    expect(out.applicant).toEqual({ name: maskName('周德顺'), idNumber: maskIdNumber(a.idNumber) });
    expect(out.programmes.map((p) => p.name)).toEqual(['最低生活保障', '特困人员救助供养', '临时救助', '医疗救助']);
    expect(out.households).toHaveLength(1);
    expect(out.households[0]).toMatchObject({ householdNo: a.householdNo, policyCheck: { areaCode: VILLAGE, householdSize: 2 } });
    expect(out.households[0]!.members.map((m) => m.name)).toEqual([maskName('周德顺'), maskName('吴桂英')]);
    expect(out.households[0]!.members.every((m) => m.situation === 'elderly')).toBe(true);
    expect(res.body).not.toContain(a.idNumber);
    expect(res.body).not.toContain('周德顺');
    expect(res.body).not.toContain(b.householdNo);
  });

  it('prefills the income the policy engine counts: excluded kinds left out, so the check matches the engine', async () => {
    const clerk = await tokenFor(built, 'guanghui.clerk');
    const put = await built.app.inject({ method: 'PUT', url: `/api/v1/households/${b.householdNo}/incomes`, headers: bearer(clerk), payload: { items: [
      { memberIdNumber: b.idNumber, kind: 'wage', amountFen: 60000, period: 'month', source: '零工' },
      // Neither counts: assistance already received, and the residents' basic pension under cn-2021.
      { memberIdNumber: b.idNumber, kind: 'assistance', amountFen: 30000, period: 'month', source: '临时救助' },
      { memberIdNumber: b.idNumber, kind: 'pension', amountFen: 120000, period: 'year', source: '城乡居民基本养老保险' },
    ] } });
    expect(put.statusCode, put.body).toBe(204);
    const out = (await portal('GET', '/applications/prefill', b.token)).json() as { households: { policyCheck: Record<string, unknown> & { monthlyIncomeYuan: number; householdSize: number } }[] };
    const answers = out.households[0]!.policyCheck;
    expect(answers).toMatchObject({ householdSize: 2, monthlyIncomeYuan: 600 });
    const check = (await portal('POST', '/policy-check', b.token, answers)).json() as { programmes: { programme: string; figures: { label: string; amountFen: number }[] }[] };
    const perCapita = check.programmes.find((p) => p.programme === 'dibao')?.figures.find((f) => f.label === '家庭人均月收入');
    expect(perCapita?.amountFen).toBe(30000);
  });

  const application = (over: Record<string, unknown> = {}) => ({
    programme: 'dibao', householdNo: a.householdNo, description: '老两口无固定收入，看病花销大', authorised: true,
    signature: dataUrl(PNG), documents: [doc('户口本.jpg', JPEG), doc('病历.pdf', PDF)], ...over,
  });

  it.each([
    { name: 'a text file posing as an image (by its bytes)', over: { documents: [doc('a.jpg', JPEG), doc('b.png', Buffer.from('hello, not an image'))] }, field: 'documents.1' },
    { name: 'a document over 5 MB', over: { documents: [doc('big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))] }, field: 'documents.0' },
    { name: 'eleven documents', over: { documents: Array.from({ length: 11 }, (_, i) => doc(`${i}.pdf`, PDF)) }, field: 'documents' },
    { name: 'content that is not base64', over: { documents: [doc('a.pdf', PDF), doc('b.pdf', PDF), { name: 'c.pdf', content: '%%%not base64%%%' }] }, field: 'documents.2' },
    { name: 'a signature that is a JPEG', over: { signature: dataUrl(JPEG, 'image/jpeg') }, field: 'signature' },
    { name: 'no consent to the authorisation', over: { authorised: false }, field: 'authorised' },
    { name: 'an unknown programme', over: { programme: 'disaster' }, field: 'programme' },
    { name: 'no description', over: { description: '' }, field: 'description' },
    { name: '临时救助 without its kind', over: { programme: 'temporary' }, field: 'temporary.kind' },
  ])('a bad application ($name) → 400 naming $field, and nothing is stored', async ({ over, field }) => {
    const before = await counts();
    const res = await portal('POST', '/applications', a.token, application(over), '10.30.2.1');
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details.fields?.map((f) => f.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('an application lands at the township window as an online request with its case, seen by the caseworker; the signature is hashed and audited', async () => {
    const res = await portal('POST', '/applications', a.token, application(), '10.30.3.1');
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { requestNo: string; programmeName: string; receivedOn: string; state: string; documents: number; signatureSha256: string };
    expect(made).toMatchObject({ programmeName: '最低生活保障', documents: 2, signatureSha256: crypto.createHash('sha256').update(PNG).digest('hex') });
    expect(made.requestNo).toMatch(/^SL\d{16}$/);
    expect(made.state).toMatch(/[\u4e00-\u9fff]/);

    const caseworker = await tokenFor(built, 'guanghui.caseworker');
    const seen = await built.app.inject({ method: 'GET', url: `/api/v1/intake/requests/${made.requestNo}`, headers: bearer(caseworker) });
    expect(seen.statusCode, seen.body).toBe(200);
    const request = seen.json() as { channel: string; windowAreaCode: string; householdNo: string; description: string; parts: { kind: string; need: string; caseNo: string }[] };
    expect(request).toMatchObject({ channel: 'online', windowAreaCode: VILLAGE.slice(0, 9), householdNo: a.householdNo });
    expect(request.description).toContain('老两口无固定收入');
    expect(request.description).toContain(made.signatureSha256);
    expect(request.parts).toEqual([expect.objectContaining({ kind: 'case', need: 'dibao', caseNo: expect.stringMatching(/^DB\d{16}$/) as string })]);
    const list = await built.app.inject({ method: 'GET', url: '/api/v1/intake/requests?status=open', headers: bearer(caseworker) });
    expect((list.json() as { items: { requestNo: string; channel: string }[] }).items).toContainEqual(expect.objectContaining({ requestNo: made.requestNo, channel: 'online' }));

    // The 核对 authorisation is on the household's record for the verification step.
    const auths = await built.app.inject({ method: 'GET', url: `/api/v1/verification/households/${a.householdNo}/authorizations`, headers: bearer(caseworker) });
    expect(auths.statusCode, auths.body).toBe(200);
    expect((auths.json() as { items: { signerRole: string; note: string }[] }).items).toContainEqual(expect.objectContaining({ signerRole: 'household', note: expect.stringContaining(made.signatureSha256) as string }));

    // The files are the intake request's: two documents and the signature.
    const stored = await sql<{ signature_sha256: string; docs: string; signatures: string }>`select a.signature_sha256,
      (select count(*) from intake_request_documents d join intake_requests r on r.county_code = d.county_code and r.id = d.request_id where r.request_no = a.request_no and d.kind = 'document') as docs,
      (select count(*) from intake_request_documents d join intake_requests r on r.county_code = d.county_code and r.id = d.request_id where r.request_no = a.request_no and d.kind = 'signature') as signatures
      from portal_applications a where a.request_no = ${made.requestNo}`.execute(db.kysely);
    expect(stored.rows).toEqual([{ signature_sha256: made.signatureSha256, docs: expect.anything() as string, signatures: expect.anything() as string }]);
    expect([Number(stored.rows[0]!.docs), Number(stored.rows[0]!.signatures)]).toEqual([2, 1]);
    const audit = await sql<{ actor_name: string; after: unknown }>`select actor_name, after from audit_log where action = 'portal.apply' and entity_id = ${made.requestNo}`.execute(db.kysely);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.actor_name).toBe(maskIdNumber(a.idNumber));
    expect(JSON.stringify(audit.rows[0]!.after)).toContain(made.signatureSha256);

    // The citizen's list shows it; the other citizen's does not, and they cannot apply for this household.
    const mine = await portal('GET', '/applications', a.token);
    expect(mine.statusCode, mine.body).toBe(200);
    expect((mine.json() as { items: { requestNo: string; programmeName: string; receivedOn: string; state: string }[] }).items).toEqual([
      expect.objectContaining({ requestNo: made.requestNo, programmeName: '最低生活保障', receivedOn: made.receivedOn, state: made.state }),
    ]);
    const theirs = await portal('GET', '/applications', b.token);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual({ items: [] });
    const before = await counts();
    const foreign = await portal('POST', '/applications', b.token, application(), '10.30.3.2');
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect(await counts()).toEqual(before);

    // A second 低保 application while the first case is open is refused whole (409), and stores nothing.
    const again = await portal('POST', '/applications', a.token, application(), '10.30.3.1');
    expect(again.statusCode, again.body).toBe(409);
    expect(errorOf(again).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await counts()).toEqual(before);

    // The caseworker acts on the case; the citizen's list shows its new state.
    const caseNo = request.parts[0]!.caseNo;
    const step = await built.app.inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/transitions`, headers: bearer(caseworker), payload: { action: 'withdraw', date: todayInChina(), reason: '申请人书面申请撤回' } });
    expect(step.statusCode, step.body).toBe(200);
    const after = (await portal('GET', '/applications', a.token)).json() as { items: { requestNo: string; state: string }[] };
    expect(after.items).toEqual([expect.objectContaining({ requestNo: made.requestNo, state: '已撤回' })]);
  });

  it('a 临时救助 application opens its case with the kind and months asked', async () => {
    const res = await portal('POST', '/applications', b.token, { ...application({ householdNo: b.householdNo, programme: 'temporary', temporary: { kind: 'expenditure', months: 2 } }), documents: [] }, '10.30.4.1');
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { requestNo: string; programmeName: string };
    expect(made.programmeName).toBe('临时救助');
    const caseworker = await tokenFor(built, 'guanghui.caseworker');
    const seen = (await built.app.inject({ method: 'GET', url: `/api/v1/intake/requests/${made.requestNo}`, headers: bearer(caseworker) })).json() as { channel: string; parts: { need: string; caseNo: string }[] };
    expect(seen).toMatchObject({ channel: 'online', parts: [{ need: 'temporary', caseNo: expect.stringMatching(/^LS\d{16}$/) as string }] });
  });
});
