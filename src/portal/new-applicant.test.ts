// An online application by a new applicant (not in the registry, issue 21): an intake request at the
// township window with the person and a 待登记立案 part; the window registers the household and opens the
// case from the part (or closes it); the citizen follows it in 我的申请 and then sees the case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { loadConfig } from '../kernel/config.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, errorOf, tokenFor } from '../test/http.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { signInCitizen } from '../test/portal.ts';

const VILLAGE = '522701001001';
const TOWNSHIP = VILLAGE.slice(0, 9);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

type Part = { id: number; kind: string; need: string; status: string; caseNo: string | null; dueDate: string | null; closed: boolean; result: string | null };
type Request = { requestNo: string; channel: string; windowAreaCode: string; householdNo: string | null; personName: string; description: string; assessment: { householdSize: number; structureNote: string }; parts: Part[] };

describe(`portal: online application by a new applicant (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-newapp-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let caseworker: string;
  let clerk: string;
  const applicantId = idNumber('1979-05-06', 'female');
  const spouseId = idNumber('1977-08-09', 'male');
  const phone = '13966667777';
  let token = '';

  const portal = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    built.app.inject({ method, url: `/api/portal/v1${url}`, remoteAddress: '10.31.0.1', cookies: { jiuzhu_portal: token }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const staff = (method: 'GET' | 'POST', url: string, payload?: unknown, as = caseworker) =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(as), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const count = async () => Number((await sql<{ n: string }>`select (select count(*) from intake_requests) + (select count(*) from portal_applications) + (select count(*) from intake_parts) as n`.execute(db.kysely)).rows[0]!.n);
  const household = async (members: Record<string, unknown>[]) => {
    const res = await staff('POST', '/households', householdInput(VILLAGE, members, { phone }), clerk);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { householdNo: string }).householdNo;
  };

  const newApplicant = { name: '杨秀梅', phone, villageCode: VILLAGE, householdSize: 2, monthlyIncomeYuan: 600, members: [{ name: '龙国强', relation: 'spouse', idNumber: spouseId }] };
  const application = (over: Record<string, unknown> = {}) => ({
    programme: 'dibao', description: '丈夫患病，无固定收入', authorised: true, signature: `data:image/png;base64,${PNG.toString('base64')}`,
    documents: [{ name: '病历.pdf', content: PDF.toString('base64') }], newApplicant, ...over,
  });

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    caseworker = await tokenFor(built, 'guanghui.caseworker');
    clerk = await tokenFor(built, 'guanghui.clerk');
    token = await signInCitizen(built, smsFile, { idNumber: applicantId, phone }, '10.31.0.1');
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { name: 'no household facts', over: { newApplicant: undefined }, field: 'newApplicant' },
    { name: 'a name in Latin letters', over: { newApplicant: { ...newApplicant, name: 'Yang' } }, field: 'newApplicant.name' },
    { name: 'a 10-digit phone', over: { newApplicant: { ...newApplicant, phone: '1396666777' } }, field: 'newApplicant.phone' },
    { name: 'a village that does not exist', over: { newApplicant: { ...newApplicant, villageCode: '522701001999' } }, field: 'newApplicant.villageCode' },
    { name: 'a township for a village', over: { newApplicant: { ...newApplicant, villageCode: TOWNSHIP } }, field: 'newApplicant.villageCode' },
    { name: 'no household size', over: { newApplicant: { ...newApplicant, householdSize: 0 } }, field: 'newApplicant.householdSize' },
    { name: 'a negative income', over: { newApplicant: { ...newApplicant, monthlyIncomeYuan: -1 } }, field: 'newApplicant.monthlyIncomeYuan' },
    { name: 'a member\'s bad ID check digit', over: { newApplicant: { ...newApplicant, members: [{ ...newApplicant.members[0]!, idNumber: `${spouseId.slice(0, 17)}${spouseId.endsWith('0') ? '1' : '0'}` }] } }, field: 'newApplicant.members.0.idNumber' },
    { name: '临时救助 without its kind', over: { programme: 'temporary' }, field: 'temporary.kind' },
  ])('a bad new applicant\'s application ($name) → 400 naming $field, nothing stored', async ({ over, field }) => {
    const before = await count();
    const res = await portal('POST', '/applications', application(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details.fields?.map((f) => f.field)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('applies, is registered by the window, and the case is opened from the pending part; the citizen follows it', async () => {
    const res = await portal('POST', '/applications', application());
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { requestNo: string; programmeName: string; state: string; documents: number };
    expect(made).toMatchObject({ programmeName: '最低生活保障', state: '待窗口登记家庭', documents: 1 });

    // The township's caseworker sees the online request with the person, the facts given and the pending part.
    const seen = await staff('GET', `/intake/requests/${made.requestNo}`);
    expect(seen.statusCode, seen.body).toBe(200);
    const request = seen.json() as Request;
    expect(request).toMatchObject({ channel: 'online', windowAreaCode: TOWNSHIP, householdNo: null, personName: '杨秀梅', assessment: { householdSize: 2 } });
    expect(request.description).toContain('丈夫患病');
    expect(request.description).toContain('家庭人口 2 人');
    expect(request.description).toContain('600.00 元');
    expect(request.assessment.structureNote).toContain('龙国强（配偶');
    expect(request.parts).toEqual([expect.objectContaining({ kind: 'pending_case', need: 'dibao', status: 'awaiting_registration', caseNo: null, closed: false })]);
    const part = request.parts[0]!;
    expect(part.dueDate).not.toBeNull();
    // Open work of the window: on the overdue list once past its due date.
    const overdue = (await staff('GET', `/intake/overdue?asOf=2099-01-01`)).json() as { items: { id: number }[] };
    expect(overdue.items.map((i) => i.id)).toContain(part.id);

    const mine = (await portal('GET', '/applications')).json() as { items: { requestNo: string; state: string; householdNo: string | null }[] };
    expect(mine.items).toEqual([expect.objectContaining({ requestNo: made.requestNo, state: '待窗口登记家庭', householdNo: null })]);

    // A household without the applicant: 400 naming householdNo, nothing changed.
    const other = await household([memberInput({ name: '吴志明', relation: 'head', idNumber: idNumber('1960-01-01', 'male') })]);
    const before = await sql`select p.status, p.case_id, r.household_id, r.area_code from intake_parts p join intake_requests r on r.id = p.request_id where p.id = ${part.id}`.execute(db.kysely);
    const cases = Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(db.kysely)).rows[0]!.n);
    const wrong = await staff('POST', `/intake/requests/${made.requestNo}/parts/${part.id}/open-case`, { householdNo: other });
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(errorOf(wrong).details.fields).toEqual([{ field: 'householdNo', message: expect.stringMatching(/没有身份证号码为.*的成员/) as string }]);
    expect((await sql`select p.status, p.case_id, r.household_id, r.area_code from intake_parts p join intake_requests r on r.id = p.request_id where p.id = ${part.id}`.execute(db.kysely)).rows).toEqual(before.rows);
    expect(Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(db.kysely)).rows[0]!.n)).toBe(cases);
    const missing = await staff('POST', `/intake/requests/${made.requestNo}/parts/${part.id}/open-case`, { householdNo: '52270100000099' });
    expect(missing.statusCode, missing.body).toBe(400);
    expect(errorOf(missing).details.fields?.map((f) => f.field)).toEqual(['householdNo']);

    // The window registers the household with the applicant and opens the case from the part.
    const householdNo = await household([
      memberInput({ name: '杨秀梅', relation: 'head', idNumber: applicantId }),
      memberInput({ name: '龙国强', relation: 'spouse', idNumber: spouseId }),
    ]);
    const opened = await staff('POST', `/intake/requests/${made.requestNo}/parts/${part.id}/open-case`, { householdNo });
    expect(opened.statusCode, opened.body).toBe(200);
    const caseNo = (opened.json() as { caseNo: string }).caseNo;
    expect(caseNo).toMatch(/^DB\d{16}$/);
    const after = (await staff('GET', `/intake/requests/${made.requestNo}`)).json() as Request;
    expect(after.householdNo).toBe(householdNo);
    expect(after.parts).toEqual([expect.objectContaining({ kind: 'pending_case', status: 'opened', caseNo, closed: false })]);
    const audit = await sql<{ n: string }>`select count(*) as n from audit_log where action = 'intake.pending.open' and entity_id = ${String(part.id)}`.execute(db.kysely);
    expect(Number(audit.rows[0]!.n)).toBe(1);
    // Once only.
    const twice = await staff('POST', `/intake/requests/${made.requestNo}/parts/${part.id}/open-case`, { householdNo });
    expect(twice.statusCode, twice.body).toBe(409);

    // The citizen sees the case, and the application as opened with its number.
    const myCases = await portal('GET', '/cases');
    expect(myCases.statusCode, myCases.body).toBe(200);
    expect((myCases.json() as { items: { caseNo: string }[] }).items.map((c) => c.caseNo)).toContain(caseNo);
    const now = (await portal('GET', '/applications')).json() as { items: { requestNo: string; state: string }[] };
    expect(now.items).toEqual([expect.objectContaining({ requestNo: made.requestNo, state: `已立案（${caseNo}）` })]);
  });

  it('closes a pending part with a reason; a pending part for a registered person is refused (use case)', async () => {
    const req = await staff('POST', '/intake/requests', {
      channel: 'window', person: { name: '韦小红', idNumber: idNumber('1990-02-02', 'female'), phone: '13955556666' }, assessment: { householdSize: 1, workCapacity: 'full' },
      parts: [{ kind: 'pending_case', programme: 'hardship' }],
    });
    expect(req.statusCode, req.body).toBe(201);
    const requestNo = (req.json() as { requestNo: string }).requestNo;
    const part = ((await staff('GET', `/intake/requests/${requestNo}`)).json() as Request).parts[0]!;
    const noReason = await staff('POST', `/intake/requests/${requestNo}/parts/${part.id}/close`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).details.fields?.map((f) => f.field)).toEqual(['reason']);
    const closed = await staff('POST', `/intake/requests/${requestNo}/parts/${part.id}/close`, { reason: '申请人未到窗口登记家庭' });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = (await staff('GET', `/intake/requests/${requestNo}`)).json() as Request & { completed: boolean };
    expect(after.parts).toEqual([expect.objectContaining({ status: 'closed', closed: true, result: '申请人未到窗口登记家庭' })]);
    expect(after.completed).toBe(true);
    // Another request's part number under this request: not found.
    expect((await staff('POST', `/intake/requests/${requestNo}/parts/999999/close`, { reason: '不存在' })).statusCode).toBe(404);

    const registeredId = idNumber('1970-07-07', 'male');
    const householdNo = await household([memberInput({ name: '潘国华', relation: 'head', idNumber: registeredId })]);
    const before = await count();
    const refused = await staff('POST', '/intake/requests', {
      channel: 'window', person: { householdNo, idNumber: registeredId }, assessment: { householdSize: 1, workCapacity: 'full' }, parts: [{ kind: 'pending_case', programme: 'dibao' }],
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(errorOf(refused).details.fields?.map((f) => f.field)).toEqual(['parts.0.kind']);
    expect(await count()).toBe(before);
  });
});
