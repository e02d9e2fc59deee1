// 我要举报 / 我的举报 (issue 21): named and anonymous complaints from the portal; a recipient named in the village
// links and flags their case when the name is unique, without saying so; an anonymous one stores nothing that
// identifies its author (row, audit, case timeline); bad fields → 400 with nothing stored; five a day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { todayInChina } from '../kernel/clock.ts';
import { loadConfig } from '../kernel/config.ts';
import { maskIdNumber } from '../kernel/mask.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { onFixedDate } from '../test/clock.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, errorOf, tokenFor } from '../test/http.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { signInCitizen } from '../test/portal.ts';

const VILLAGE = '522701001001';

describe(`portal: complaints (${ENGINE})`, () => {
  onFixedDate('2026-06-15');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-portal-complaints-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let staff: string;
  // A: the household complained about (a pending 低保 case); B: the complainant, in the same village.
  const a = { phone: '13822220001', names: ['覃秀兰', '覃大勇'], idNumber: '', caseNo: '', token: '' };
  const b = { phone: '13822220002', names: ['吴德厚', '吴小梅'], idNumber: '', caseNo: '', token: '' };
  // C: another household of the village with a 吴小梅 too, so that name matches two current cases.
  const c = { phone: '13822220004', names: ['杨正林', '吴小梅'], idNumber: '', caseNo: '', token: '' };
  const numbers: string[] = [];

  const signIn = (person: { idNumber: string; phone: string }, ip: string) => signInCitizen(built, smsFile, person, ip);
  const complain = (token: string, payload: Record<string, unknown>) =>
    built.app.inject({ method: 'POST', url: '/api/portal/v1/complaints', cookies: { jiuzhu_portal: token }, payload });
  const mine = async (token: string) => {
    const res = await built.app.inject({ method: 'GET', url: '/api/portal/v1/complaints', cookies: { jiuzhu_portal: token } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: { complaintNo: string; statusLabel: string; categoryLabel: string; subjectName: string | null; feedback: { date: string; content: string }[]; conclusionLabel: string | null }[] }).items;
  };
  const stored = async () => Number((await sql<{ n: string }>`select count(*) as n from complaints`.execute(db.kysely)).rows[0]?.n);
  const row = async (no: string) => (await sql<{ anonymous: boolean; complainant_name: string | null; complainant_phone: string | null; complainant_id_number: string | null; case_id: number | null; subject_kind: string; subject_name: string; created_by: string; channel: string }>`
    select anonymous, complainant_name, complainant_phone, complainant_id_number, case_id, subject_kind, subject_name, created_by, channel from complaints where complaint_no = ${no}`.execute(db.kysely)).rows[0];

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    const clerk = await tokenFor(built, 'guanghui.clerk');
    staff = await tokenFor(built, 'guanghui.caseworker');
    for (const h of [a, b, c]) {
      const members = h.names.map((name, i) => memberInput({ name, relation: i === 0 ? 'head' : 'spouse', idNumber: idNumber(i === 0 ? '1975-06-01' : '1978-02-02', i === 0 ? 'male' : 'female') }));
      const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(clerk), payload: householdInput(VILLAGE, members, { phone: h.phone }) });
      expect(res.statusCode, res.body).toBe(201);
      h.idNumber = String(members[0]!.idNumber);
      const opened = await built.app.inject({ method: 'POST', url: '/api/v1/cases', headers: bearer(staff), payload: { programme: 'dibao', householdNo: (res.json() as { householdNo: string }).householdNo, applicantIdNumber: h.idNumber } });
      expect(opened.statusCode, opened.body).toBe(201);
      h.caseNo = (opened.json() as { caseNo: string }).caseNo;
    }
    a.token = await signIn(a, '10.30.0.1');
    b.token = await signIn(b, '10.30.0.2');
  }, 120_000);
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a named complaint about a recipient by name links and flags their case; 我的举报 shows its status and the feedback, not the finding', async () => {
    const res = await complain(b.token, { anonymous: false, phone: '13822229999', subject: { kind: 'recipient', name: '覃大勇' }, category: 'favouritism', content: '覃大勇家有两套房，仍享受低保' });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { complaintNo: string; anonymous: boolean };
    expect(Object.keys(made).sort()).toEqual(['anonymous', 'complaintNo']);
    numbers.push(made.complaintNo);
    expect(await row(made.complaintNo)).toMatchObject({ anonymous: false, complainant_name: '吴德厚', complainant_phone: '13822229999', complainant_id_number: b.idNumber, subject_kind: 'recipient', subject_name: '覃大勇', channel: 'online', created_by: maskIdNumber(b.idNumber) });

    const seen = await built.app.inject({ method: 'GET', url: `/api/v1/complaints/${made.complaintNo}`, headers: bearer(staff) });
    expect(seen.json()).toMatchObject({ caseNo: a.caseNo, caseFlagged: true, channel: 'online', viaPortal: true, subjectName: '覃大勇', complainantName: '吴德厚' });
    const kase = await built.app.inject({ method: 'GET', url: `/api/v1/cases/${a.caseNo}`, headers: bearer(staff) });
    expect(kase.body).toContain('complaint');

    expect(await mine(b.token)).toEqual([expect.objectContaining({ complaintNo: made.complaintNo, statusLabel: '已登记', categoryLabel: '优亲厚友/人情保/关系保', subjectName: '覃大勇', feedback: [], conclusionLabel: null })]);
    const step = (s: string, payload: Record<string, unknown>) => built.app.inject({ method: 'POST', url: `/api/v1/complaints/${made.complaintNo}/${s}`, headers: bearer(staff), payload });
    expect((await step('assign', { assignee: '张调查' })).statusCode).toBe(200);
    expect((await step('conclude', { conclusion: 'unsubstantiated', finding: '内部调查记录：经入户核实，房屋为借住' })).statusCode).toBe(200);
    const fed = await step('feedback', { date: todayInChina(), channel: 'online', content: '经核实，被举报人符合低保条件' });
    expect(fed.statusCode, fed.body).toBe(200);
    const after = await built.app.inject({ method: 'GET', url: '/api/portal/v1/complaints', cookies: { jiuzhu_portal: b.token } });
    expect(after.json()).toMatchObject({ items: [{ statusLabel: '已查结', conclusionLabel: '不属实', feedback: [{ content: '经核实，被举报人符合低保条件' }] }] });
    expect(after.body).not.toContain('内部调查记录');
    expect(after.body).not.toContain('张调查');
  });

  it('an anonymous complaint stores nothing identifying (row, audit, case timeline) and is not listed; no match answers the same', async () => {
    const last = async (table: 'audit_log' | 'case_transitions') => (await sql<{ n: string }>`select coalesce(max(id), 0) as n from ${sql.table(table)}`.execute(db.kysely)).rows[0]?.n ?? '0';
    const [lastAudit, lastStep] = [await last('audit_log'), await last('case_transitions')];
    const res = await complain(b.token, { anonymous: true, name: '吴德厚', phone: '13822220002', subject: { kind: 'recipient', name: '覃秀兰' }, category: 'fraud', content: '覃秀兰隐瞒了子女的收入' });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { complaintNo: string; anonymous: boolean };
    expect(made).toEqual({ complaintNo: expect.stringMatching(/^JB\d{16}$/), anonymous: true });
    numbers.push(made.complaintNo);
    expect(await row(made.complaintNo)).toMatchObject({ anonymous: true, complainant_name: null, complainant_phone: null, complainant_id_number: null, created_by: '匿名（居民端）', subject_name: '覃秀兰' });
    expect((await row(made.complaintNo))?.case_id).not.toBeNull();
    const traces = [b.idNumber, maskIdNumber(b.idNumber), '吴德厚', b.phone];
    const audit = (await sql<{ row: string }>`select row_to_json(a)::text as row from audit_log a where id > ${lastAudit}`.execute(db.kysely)).rows.map((r) => r.row);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((r) => traces.some((t) => r.includes(t)))).toEqual([]);
    const steps = (await sql<{ row: string }>`select row_to_json(t)::text as row from case_transitions t where id > ${lastStep}`.execute(db.kysely)).rows.map((r) => r.row);
    expect(steps.length).toBe(1);
    expect(steps.filter((r) => traces.some((t) => r.includes(t)))).toEqual([]);
    expect((await mine(b.token)).map((c) => c.complaintNo)).not.toContain(made.complaintNo);

    // A name matching no current case in the village (B), or two (A's complaint): stored for staff to link, the same answer.
    for (const [who, name] of [[b, '查无此人'], [a, '吴小梅']] as const) {
      const none = await complain(who.token, { anonymous: false, subject: { kind: 'recipient', name }, category: 'eligibility', content: '此人不符合条件却领取救助' });
      expect(none.statusCode, none.body).toBe(201);
      expect(Object.keys(none.json() as object).sort()).toEqual(['anonymous', 'complaintNo']);
      const no = (none.json() as { complaintNo: string }).complaintNo;
      if (who === b) numbers.push(no);
      expect(await row(no)).toMatchObject({ case_id: null, subject_kind: 'recipient', subject_name: name });
      const staffView = await built.app.inject({ method: 'GET', url: `/api/v1/complaints/${no}`, headers: bearer(staff) });
      expect(staffView.json()).toMatchObject({ caseNo: null, subjectName: name, channel: 'online', viaPortal: true, caseFlagged: false });
    }
  });

  it.each([
    ['content', { anonymous: false, subject: { kind: 'other' }, category: 'other', content: '  ' }],
    ['category', { anonymous: false, subject: { kind: 'other' }, category: 'bribery', content: '举报内容写在这里' }],
    ['villageCode', { anonymous: false, subject: { kind: 'other' }, villageCode: '522701001999', category: 'other', content: '举报内容写在这里' }],
    ['subject.name', { anonymous: false, subject: { kind: 'staff', name: '' }, category: 'misconduct', content: '举报内容写在这里' }],
  ])('bad %s → 400 naming it, nothing stored', async (field, payload) => {
    const before = await stored();
    const res = await complain(b.token, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details.fields?.map((f) => f.field)).toContain(field);
    expect(await stored()).toBe(before);
  });

  it('a citizen not in the registry names the village and themselves; five a day; another citizen sees none of it', async () => {
    const fresh = { idNumber: idNumber('1990-01-01', 'female'), phone: '13822220003' };
    const token = await signIn(fresh, '10.30.0.3');
    const noVillage = await complain(token, { anonymous: false, name: '新居民', subject: { kind: 'other' }, category: 'other', content: '村里低保评议不公开' });
    expect(errorOf(noVillage).details.fields?.map((f) => f.field)).toEqual(['villageCode']);
    const noName = await complain(token, { anonymous: false, villageCode: VILLAGE, subject: { kind: 'other' }, category: 'other', content: '村里低保评议不公开' });
    expect(errorOf(noName).details.fields?.map((f) => f.field)).toEqual(['name']);
    const ok = await complain(token, { anonymous: false, name: '新居民', villageCode: VILLAGE, subject: { kind: 'staff', name: '某村干部' }, category: 'misconduct', content: '村干部优亲厚友' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await row((ok.json() as { complaintNo: string }).complaintNo)).toMatchObject({ complainant_name: '新居民', complainant_id_number: fresh.idNumber, subject_kind: 'staff' });

    // B has made three today (one anonymous): two more, then the sixth is refused.
    for (let i = 0; i < 2; i++) {
      const res = await complain(b.token, { anonymous: i === 0, subject: { kind: 'other' }, category: 'other', content: `第${i + 4}件举报内容` });
      expect(res.statusCode, res.body).toBe(201);
      numbers.push((res.json() as { complaintNo: string }).complaintNo);
    }
    const before = await stored();
    const sixth = await complain(b.token, { anonymous: false, subject: { kind: 'other' }, category: 'other', content: '第六件举报内容' });
    expect([sixth.statusCode, errorOf(sixth).code]).toEqual([429, 'too_many_complaints']);
    expect(await stored()).toBe(before);
    expect((await mine(b.token)).length).toBe(3);

    const others = await built.app.inject({ method: 'GET', url: '/api/portal/v1/complaints', cookies: { jiuzhu_portal: a.token } });
    expect((others.json() as { items: unknown[] }).items).toHaveLength(1);
    expect(numbers.filter((n) => others.body.includes(n))).toEqual([]);
    const otherNew = await built.app.inject({ method: 'GET', url: '/api/portal/v1/complaints', cookies: { jiuzhu_portal: token } });
    expect(numbers.filter((n) => otherNew.body.includes(n))).toEqual([]);
    expect((await built.app.inject({ method: 'GET', url: '/api/portal/v1/complaints' })).statusCode).toBe(401);
  });
});
