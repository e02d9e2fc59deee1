// 医疗救助 applied for online (issue 21): a registered household's member sends the bill's facts and the bills;
// the window's online request refers the need to 医保 carrying the facts; the staff claim answers that referral.
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
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

describe(`portal: 医疗救助 applied for online (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-medapply-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let caseworker: string;
  let member: { idNumber: string; householdNo: string; token: string };
  let newcomer = '';

  const portal = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
    built.app.inject({ method, url: `/api/portal/v1${url}`, remoteAddress: '10.32.0.1', cookies: { jiuzhu_portal: token }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const staff = (method: 'GET' | 'POST', url: string, as: string, payload?: unknown) =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(as), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const count = async () => Number((await sql<{ n: string }>`select (select count(*) from intake_requests) + (select count(*) from portal_applications)
    + (select count(*) from intake_parts) + (select count(*) from intake_request_documents) as n`.execute(db.kysely)).rows[0]!.n);

  const medical = { kind: 'inpatient', diagnosis: '肺炎', hospital: '都匀市人民医院', admittedOn: '2026-11-20', dischargedOn: '2026-11-28', totalCostFen: 1_234_500, basicInsuranceFen: 700_000, criticalInsuranceFen: 50_000, eligibleSelfPayFen: 400_000, settlementNo: 'JS20261128001' };
  const application = (over: Record<string, unknown> = {}) => ({
    programme: 'medical', householdNo: member.householdNo, description: '住院费用负担重，申请医疗救助', authorised: true,
    signature: `data:image/png;base64,${PNG.toString('base64')}`, documents: [{ name: '住院发票.pdf', content: PDF.toString('base64') }], medical, ...over,
  });

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    caseworker = await tokenFor(built, 'guanghui.caseworker');
    const clerk = await tokenFor(built, 'guanghui.clerk');
    const members = [memberInput({ name: '韦国平', relation: 'head', idNumber: idNumber('1968-04-05', 'male') }), memberInput({ name: '蒙小芬', relation: 'spouse', idNumber: idNumber('1970-09-10', 'female') })];
    const res = await staff('POST', '/households', clerk, householdInput(VILLAGE, members, { phone: '13877778888' }));
    expect(res.statusCode, res.body).toBe(201);
    const head = members[0]!.idNumber as string;
    member = { idNumber: head, householdNo: (res.json() as { householdNo: string }).householdNo, token: await signInCitizen(built, smsFile, { idNumber: head, phone: '13877778888' }, '10.32.0.1') };
    newcomer = await signInCitizen(built, smsFile, { idNumber: idNumber('1985-02-03', 'female'), phone: '13877779999' }, '10.32.0.2');
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { name: 'discharged before admitted', over: { medical: { ...medical, dischargedOn: '2026-11-19' } }, field: 'medical.dischargedOn' },
    { name: 'a negative amount', over: { medical: { ...medical, basicInsuranceFen: -100 } }, field: 'medical.basicInsuranceFen' },
    { name: 'insurance paying more than the cost', over: { medical: { ...medical, basicInsuranceFen: 1_300_000 } }, field: 'medical.basicInsuranceFen' },
    { name: 'a discharge in the future', over: { medical: { ...medical, dischargedOn: '2099-01-01' } }, field: 'medical.dischargedOn' },
    { name: 'no hospital', over: { medical: { ...medical, hospital: '' } }, field: 'medical.hospital' },
    { name: 'no facts', over: { medical: undefined }, field: 'medical' },
    { name: 'no bill', over: { documents: [] }, field: 'documents' },
    { name: 'claim facts with another programme', over: { programme: 'dibao' }, field: 'medical' },
  ])('refused, nothing stored: $name → $field', async ({ over, field }) => {
    const before = await count();
    const res = await portal('POST', '/applications', member.token, application(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details?.fields?.map((f) => f.field)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('a new applicant (no household in the registry) cannot choose 医疗救助', async () => {
    const offered = async (token: string) => ((await portal('GET', '/applications/prefill', token)).json() as { programmes: { code: string }[] }).programmes.map((p) => p.code);
    expect(await offered(member.token)).toContain('medical');
    expect(await offered(newcomer)).not.toContain('medical');
    const before = await count();
    const newApplicant = { name: '杨秀梅', phone: '13877779999', villageCode: VILLAGE, householdSize: 1, monthlyIncomeYuan: 600 };
    const res = await portal('POST', '/applications', newcomer, application({ householdNo: undefined, newApplicant }));
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details?.fields?.map((f) => f.field)).toEqual(['programme']);
    expect(await count()).toBe(before);
  });

  it('applies → an online request referring the need to 医保 with the facts and the bills; the staff claim answers it', async () => {
    const res = await portal('POST', '/applications', member.token, application());
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { requestNo: string; programmeName: string; state: string; documents: number };
    expect(made).toMatchObject({ programmeName: '医疗救助', state: '已转医保', documents: 1 });

    const request = (await staff('GET', `/intake/requests/${made.requestNo}`, caseworker)).json() as { channel: string; parts: { id: number; kind: string; department: string; need: string; note: string }[] };
    expect(request.channel).toBe('online');
    expect(request.parts).toHaveLength(1);
    expect(request.parts[0]).toMatchObject({ kind: 'referral', department: 'medical_security', need: 'medical' });
    expect(request.parts[0]!.note).toContain('都匀市人民医院');
    expect(request.parts[0]!.note).toContain('医疗总费用 12345.00 元');
    // the referral carries the facts for the claim that answers it (the claims page fills its form from them)
    const referralId = request.parts[0]!.id;
    const { details } = (await staff('GET', `/intake/referrals/${referralId}`, caseworker)).json() as { details: Record<string, unknown> };
    expect(details).toEqual({ ...medical });
    const docs = (await staff('GET', `/intake/requests/${made.requestNo}/documents`, caseworker)).json() as { items: { kind: string; fileName: string }[] };
    expect(docs.items.map((d) => [d.kind, d.fileName])).toEqual([['document', '住院发票.pdf'], ['signature', expect.any(String) as string]]);

    const claim = await staff('POST', '/medical/claims', caseworker, { householdNo: member.householdNo, applicantIdNumber: member.idNumber, details, referralId });
    expect(claim.statusCode, claim.body).toBe(200);
    const caseNo = (claim.json() as { caseNo: string }).caseNo;
    const referral = (await staff('GET', `/intake/referrals/${referralId}`, caseworker)).json() as { status: string; caseNo: string };
    expect(referral).toMatchObject({ status: 'accepted', caseNo });

    const mine = (await portal('GET', '/applications', member.token)).json() as { items: { requestNo: string; state: string }[] };
    expect(mine.items.find((i) => i.requestNo === made.requestNo)?.state).toBe(`已受理（${caseNo}）`);
  });
});
