// 通知公示 (issue 21): the public notices of the citizen's village (masked), an objection recorded as the engine's
// own step (named or anonymous), and the citizen's decision notices with their .docx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { todayInChina } from '../kernel/clock.ts';
import { loadConfig } from '../kernel/config.ts';
import { maskIdNumber, maskName } from '../kernel/mask.ts';
import { approvedDibao, docxText, makeHousehold, stepper, verification, visit } from '../modules/cases/testing.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { onFixedDate } from '../test/clock.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { tokenFor } from '../test/http.ts';
import { idNumber, memberInput } from '../test/households.ts';
import { signInCitizen } from '../test/portal.ts';

const GUANGHUI = '522701001001';
const WENFENG = '522701002001';

interface PublicNotice { caseNo: string; programme: string; villageName: string; applicantName: string; householdSize: number; amountFen: number | null; amountStatus: string; noticeStart: string; noticeEnd: string }
interface Notice { caseNo: string; programme: string; title: string; body: string[]; decidedOn: string; amountFen: number | null; amountYuan: string | null }

describe(`portal: notices and objections (${ENGINE})`, () => {
  onFixedDate('2026-06-15');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-portal-notices-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let token = '';
  let guanghui = '';
  const citizen = { idNumber: '', phone: '13900001111', name: '罗大成', caseNo: '' };
  const neighbour = { caseNo: '', name: '陈国栋', idNumber: '' };
  const other = { caseNo: '', name: '周文斌' };

  const portal = (method: 'GET' | 'POST', url: string, payload?: object) =>
    built.app.inject({ method, url: `/api/portal/v1${url}`, cookies: { jiuzhu_portal: token }, ...(payload ? { payload } : {}) });
  const transitions = async (caseNo: string) =>
    (await sql<{ action: string; actor_name: string; data: unknown }>`select t.action, t.actor_name, t.data from case_transitions t join cases c on c.county_code = t.county_code and c.id = t.case_id where c.case_no = ${caseNo} order by t.seq`.execute(db.kysely)).rows;
  const audits = async (caseNo: string) =>
    (await sql<{ action: string; actor_name: string; after: unknown }>`select action, actor_name, after from audit_log where entity = 'case' and entity_id = ${caseNo} order by id`.execute(db.kysely)).rows;

  /** A 低保 case of a new household of the village walked to the township's public notice today. */
  async function toNotice(village: string, staff: string, name: string) {
    const s = stepper(built);
    const head = idNumber('1968-05-05', 'male');
    const h = await makeHousehold(built, staff, village, { members: [memberInput({ idNumber: head, name }), memberInput({ idNumber: idNumber('1970-01-01', 'female'), name: '刘美玲', relation: 'spouse' })] });
    const res = await s.call('POST', '/cases', staff, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId });
    expect(res.statusCode, res.body).toBe(201);
    const { caseNo } = res.json() as { caseNo: string };
    const today = todayInChina();
    await s.step(staff, caseNo, 'home_visit', visit(today));
    await s.step(staff, caseNo, 'verify_economic_status', verification(today));
    expect(await s.step(staff, caseNo, 'township_review', { date: today })).toMatchObject({ state: 'notice' });
    return { caseNo, idNumber: head };
  }

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    const wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    const duyun = await tokenFor(built, 'duyun.approver');
    // The citizen: head of a 广惠 household whose 低保 was approved.
    const approved = await approvedDibao(built, { township: guanghui, county: duyun });
    citizen.idNumber = approved.headId;
    citizen.caseNo = approved.caseNo;
    Object.assign(neighbour, await toNotice(GUANGHUI, guanghui, neighbour.name));
    other.caseNo = (await toNotice(WENFENG, wenfeng, other.name)).caseNo;
    token = await signInCitizen(built, smsFile, citizen, '10.40.0.1');
  }, 180_000);
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the public notices of the own village only, the name masked, with household size, amount and dates', async () => {
    const res = await portal('GET', '/public-notices');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: PublicNotice[] }).items;
    const mine = items.find((i) => i.caseNo === neighbour.caseNo);
    expect(mine).toMatchObject({ programme: '最低生活保障', applicantName: maskName(neighbour.name), householdSize: 2, noticeStart: todayInChina() });
    expect(mine!.noticeEnd > todayInChina()).toBe(true);
    expect(mine!.villageName).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(mine!).sort()).toEqual(['amountFen', 'amountStatus', 'amountYuan', 'applicantName', 'caseNo', 'householdSize', 'noticeEnd', 'noticeStart', 'programme', 'villageName']);
    expect(items.some((i) => i.caseNo === other.caseNo)).toBe(false);
    for (const secret of [neighbour.name, neighbour.idNumber, other.name, '13900001111', '广惠路88号']) expect(res.body).not.toContain(secret);
  });

  it('refuses bad content (400 content) and another village\'s case exactly like a missing one (404), changing nothing', async () => {
    const before = await transitions(neighbour.caseNo);
    for (const content of ['短', '', 'x'.repeat(1001)]) {
      const bad = await portal('POST', `/public-notices/${neighbour.caseNo}/objections`, { content, anonymous: false });
      expect(bad.statusCode, content).toBe(400);
      expect(bad.json()).toMatchObject({ error: { details: { fields: [{ field: 'content' }] } } });
    }
    expect(await transitions(neighbour.caseNo)).toEqual(before);

    const missingNo = other.caseNo.replace(/\d{6}$/, '999999');
    const foreign = await portal('POST', `/public-notices/${other.caseNo}/objections`, { content: '该户有经营收入未申报', anonymous: false });
    const missing = await portal('POST', `/public-notices/${missingNo}/objections`, { content: '该户有经营收入未申报', anonymous: false });
    expect([foreign.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(foreign.body.replaceAll(other.caseNo, 'NO')).toBe(missing.body.replaceAll(missingNo, 'NO'));
    expect((await transitions(other.caseNo)).map((t) => t.action)).not.toContain('record_objection');
    const malformed = await portal('POST', '/public-notices/not-a-case/objections', { content: '该户有经营收入未申报', anonymous: false });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { details: { fields: [{ field: 'caseNo' }] } } });
  });

  it('records an anonymous objection as the engine\'s step with nothing of the citizen, shown in the staff case view', async () => {
    const res = await portal('POST', `/public-notices/${neighbour.caseNo}/objections`, { content: '该户家中有小轿车一辆', anonymous: true });
    expect(res.statusCode, res.body).toBe(200);
    const noticeEnd = (res.json() as { noticeEnd: string }).noticeEnd;
    expect(res.json()).toEqual({ received: true, noticeEnd });

    const steps = await transitions(neighbour.caseNo);
    expect(steps.at(-1)).toMatchObject({ action: 'record_objection', actor_name: '匿名（居民端）', data: { content: '该户家中有小轿车一辆', source: '居民线上匿名' } });
    const rows = JSON.stringify([...steps, ...(await audits(neighbour.caseNo))]);
    expect((await audits(neighbour.caseNo)).at(-1)).toMatchObject({ action: 'case.record_objection', actor_name: '匿名（居民端）' });
    for (const secret of [citizen.idNumber, maskIdNumber(citizen.idNumber), citizen.name, maskName(citizen.name)]) expect(rows).not.toContain(secret);

    const s = stepper(built);
    const view = await s.call('GET', `/cases/${neighbour.caseNo}`, guanghui);
    expect((view.json() as { timeline: { action: string }[] }).timeline.map((t) => t.action)).toContain('record_objection');
  });

  it('records a named objection under the masked ID number', async () => {
    const res = await portal('POST', `/public-notices/${neighbour.caseNo}/objections`, { content: '该户子女在外务工收入较高', anonymous: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await transitions(neighbour.caseNo)).at(-1)).toMatchObject({ action: 'record_objection', actor_name: maskIdNumber(citizen.idNumber), data: { source: '居民线上实名' } });
    expect((await audits(neighbour.caseNo)).at(-1)).toMatchObject({ action: 'case.record_objection', actor_name: maskIdNumber(citizen.idNumber) });
  });

  it('refuses an objection once the notice has ended (409) and no longer lists it; the county stays refused until a community review', async () => {
    await sql`update cases set notice_end = ${'2026-01-01'} where case_no = ${neighbour.caseNo}`.execute(db.kysely);
    expect(await stepper(built).refused(guanghui, neighbour.caseNo, 'submit_to_county')).toMatchObject({ status: 409, code: 'objection_not_reviewed' });
    const before = await transitions(neighbour.caseNo);
    const res = await portal('POST', `/public-notices/${neighbour.caseNo}/objections`, { content: '该户家中有小轿车一辆', anonymous: true });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'notice_ended' } });
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/公示已于2026-01-01结束/);
    expect(await transitions(neighbour.caseNo)).toEqual(before);
    const list = (await portal('GET', '/public-notices')).json() as { items: PublicNotice[] };
    expect(list.items.some((i) => i.caseNo === neighbour.caseNo)).toBe(false);
  });

  it('lists my decision notices with the amount and downloads the .docx; another household\'s case is a 404 like a missing one', async () => {
    const res = await portal('GET', '/notices');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Notice[] }).items;
    expect(items).toHaveLength(1);
    const n = items[0]!;
    expect(n).toMatchObject({ caseNo: citizen.caseNo, programme: '最低生活保障', title: '最低生活保障审批决定通知书', decidedOn: '2023-03-20' });
    expect(n.amountFen).toBeGreaterThan(0);
    expect(n.body.join('')).toContain(`${n.amountYuan} 元`);
    expect(n.body.at(-1)).toMatch(/行政复议/);

    const doc = await portal('GET', `/cases/${citizen.caseNo}/notice`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${n.title}-${citizen.caseNo}.docx`)}`);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const text = docxText(doc.rawPayload);
    expect(text).toContain(n.title);
    for (const line of n.body) expect(text).toContain(line);

    const missingNo = neighbour.caseNo.replace(/\d{6}$/, '999999');
    const foreign = await portal('GET', `/cases/${neighbour.caseNo}/notice`);
    const missing = await portal('GET', `/cases/${missingNo}/notice`);
    expect([foreign.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(foreign.body.replaceAll(neighbour.caseNo, 'NO')).toBe(missing.body.replaceAll(missingNo, 'NO'));
  });
});
