// 政策找人 on the citizen's side (issue 21, must-have 2): a citizen whose household the warnings listed, once
// the township turned the lists into tasks, is told after signing in what they may apply for; a household with
// no task gets nothing, another household's suggestion is never shown, and an outcome that closes the matter
// ends the suggestion.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { loadConfig } from '../kernel/config.ts';
import { todayInChina } from '../kernel/clock.ts';
import { makeHousehold } from '../modules/cases/testing.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { onFixedDate } from '../test/clock.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, tokenFor } from '../test/http.ts';
import { idNumber, memberInput } from '../test/households.ts';
import { signInCitizen } from '../test/portal.ts';

const VILLAGE = '522701001001';
const PHONE = '13900001111'; // the phone makeHousehold registers

interface Suggestions { items: { householdNo: string; programme: string | null; title: string; message: string }[] }

describe(`portal suggestions (${ENGINE})`, () => {
  onFixedDate('2026-06-15');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-suggest-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let caseworker = '';
  const poor = { householdNo: '', headId: '' };
  const earning = { householdNo: '', headId: '' };

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    caseworker = await tokenFor(built, 'guanghui.caseworker');
    // No income at all (eligible, not covered), and a household that earns well above the standard.
    Object.assign(poor, await makeHousehold(built, caseworker, VILLAGE));
    Object.assign(earning, await makeHousehold(built, caseworker, VILLAGE, { wageFen: 5_000_000, members: [memberInput({ idNumber: idNumber('1970-07-07', 'male'), name: '杨有工', workCapacity: 'full' })] }));
    const generated = await built.app.inject({ method: 'POST', url: '/api/v1/outreach/tasks/generate', headers: bearer(caseworker), payload: { area: VILLAGE } });
    expect(generated.statusCode, generated.body).toBe(200);
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const signIn = (idNumber: string) => signInCitizen(built, smsFile, { idNumber, phone: PHONE });
  const suggestions = (token: string) => built.app.inject({ method: 'GET', url: '/api/portal/v1/suggestions', cookies: { jiuzhu_portal: token } });

  it('suggests 低保 to the listed household after sign-in, nothing to the other, and stops once the task is closed as not eligible', async () => {
    const poorToken = await signIn(poor.headId);
    const res = await suggestions(poorToken);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Suggestions;
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ householdNo: poor.householdNo, programme: 'dibao', title: '您家可能符合最低生活保障条件' });
    expect(body.items[0]!.message).toContain('以审核为准');
    expect(res.body).not.toContain(earning.householdNo);

    const earningToken = await signIn(earning.headId);
    const none = await suggestions(earningToken);
    expect(none.statusCode).toBe(200);
    expect((none.json() as Suggestions).items).toEqual([]);

    // Found not eligible on a visit: the suggestion ends.
    const list = await built.app.inject({ method: 'GET', url: `/api/v1/outreach/tasks?village=${VILLAGE}&status=open`, headers: bearer(caseworker) });
    const task = (list.json() as { items: { id: number; householdNo: string }[] }).items.find((i) => i.householdNo === poor.householdNo);
    expect(task).toBeDefined();
    const closed = await built.app.inject({ method: 'POST', url: `/api/v1/outreach/tasks/${task!.id}/outcome`, headers: bearer(caseworker), payload: { outcome: 'visited_not_eligible', date: todayInChina(), note: '家中有稳定收入' } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(((await suggestions(poorToken)).json() as Suggestions).items).toEqual([]);
  });

  it('answers 401 without a portal session, and to a staff token', async () => {
    expect((await built.app.inject({ method: 'GET', url: '/api/portal/v1/suggestions' })).statusCode).toBe(401);
    expect((await built.app.inject({ method: 'GET', url: '/api/portal/v1/suggestions', headers: bearer(caseworker) })).statusCode).toBe(401);
  });
});
