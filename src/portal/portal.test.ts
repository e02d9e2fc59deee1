// Citizen sign-in for the portal (issue 21, must-have 1): SMS codes through the file provider, sessions,
// the masked `me`, and the wall between portal and staff sessions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { loadConfig } from '../kernel/config.ts';
import { makeIdNumber } from '../kernel/id-number.ts';
import { maskIdNumber, maskName } from '../kernel/mask.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, errorOf, tokenFor } from '../test/http.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { httpProvider, SMS_FAILED } from './sms/index.ts';

const SENT = '若号码与登记信息一致，验证码已发送';

describe(`portal sign-in (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-portal-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  /** A registry member whose household has a mobile number, and a member of another household. */
  let person: { idNumber: string; name: string; phone: string; householdNo: string; members: string[] };
  let other: { householdNo: string; names: string[] };

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    // Two households in the registry, each with its own mobile number.
    const clerk = await tokenFor(built, 'guanghui.clerk');
    const create = async (phone: string, names: string[]) => {
      const members = names.map((name, i) => memberInput({ name, relation: i === 0 ? 'head' : 'spouse', idNumber: idNumber(i === 0 ? '1975-06-01' : '1978-02-02', i === 0 ? 'male' : 'female') }));
      const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(clerk), payload: householdInput('522701001001', members, { phone }) });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json() as { householdNo?: string; household?: { householdNo: string } };
      return { householdNo: body.householdNo ?? body.household?.householdNo ?? '', idNumbers: members.map((m) => m.idNumber as string) };
    };
    const a = await create('13811112222', ['张秀芳', '李建国']);
    const b = await create('13833334444', ['王德明', '赵丽华']);
    person = { idNumber: a.idNumbers[0]!, name: '张秀芳', phone: '13811112222', householdNo: a.householdNo, members: ['张秀芳', '李建国'] };
    other = { householdNo: b.householdNo, names: ['王德明', '赵丽华'] };
    expect(person.householdNo).toMatch(/^\d{14}$/);
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sent = (): { phone: string; text: string; at: string }[] =>
    fs.existsSync(smsFile) ? fs.readFileSync(smsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { phone: string; text: string; at: string }) : [];
  const lastCode = (phone: string): string => {
    const m = sent().filter((s) => s.phone === phone).at(-1)?.text.match(/验证码为 (\d{6})/);
    if (!m?.[1]) throw new Error(`no code sent to ${phone}`);
    return m[1];
  };
  const requestCode = (idNumber: string, phone: string, ip: string) =>
    built.app.inject({ method: 'POST', url: '/api/portal/v1/auth/code', remoteAddress: ip, payload: { idNumber, phone } });
  const verify = (idNumber: string, code: string, ip: string) =>
    built.app.inject({ method: 'POST', url: '/api/portal/v1/auth/verify', remoteAddress: ip, payload: { idNumber, code } });
  const portalCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'jiuzhu_portal');
  const me = (token: string) => built.app.inject({ method: 'GET', url: '/api/portal/v1/me', cookies: { jiuzhu_portal: token } });
  let applicantSeq = 100;
  /** A valid ID number nobody in the registry has. */
  async function newApplicant(): Promise<string> {
    for (;;) {
      const id = makeIdNumber('522702', '1991-03-04', applicantSeq++);
      const found = await sql`select 1 from person_index where id_number = ${id}`.execute(db.kysely);
      if (found.rows.length === 0) return id;
    }
  }
  async function signIn(idNumber: string, phone: string, ip: string): Promise<{ res: LightMyRequestResponse; token: string }> {
    expect((await requestCode(idNumber, phone, ip)).statusCode).toBe(200);
    const res = await verify(idNumber, lastCode(phone), ip);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = portalCookie(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    return { res, token: cookie?.value ?? '' };
  }

  it('a registered person signs in end to end with the code from the SMS file and sees only their own household, masked', async () => {
    const asked = await requestCode(person.idNumber, person.phone, '10.20.0.1');
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ message: SENT });
    const code = lastCode(person.phone);
    // Stored hashed only.
    const stored = await sql<{ code_hash: string }>`select code_hash from portal_codes where id_number = ${person.idNumber}`.execute(db.kysely);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(stored.rows.some((r) => r.code_hash.includes(code))).toBe(false);

    const res = await verify(person.idNumber, code, '10.20.0.1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { name: string; idNumber: string; households: { householdNo: string; villageName: string; members: { name: string }[] }[] };
    expect(body.name).toBe(maskName(person.name));
    expect(body.idNumber).toBe(maskIdNumber(person.idNumber));
    expect(body.households).toHaveLength(1);
    expect(body.households[0]).toMatchObject({ householdNo: person.householdNo, members: person.members.map((n) => ({ name: maskName(n) })) });
    expect(body.households[0]!.villageName).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body).not.toContain(person.idNumber);
    expect(res.body).not.toContain(person.name);

    const token = portalCookie(res)?.value ?? '';
    const again = await me(token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
    expect(again.body).not.toContain(other.householdNo);
    for (const n of other.names) expect(again.body).not.toContain(maskName(n));
    // The code is used up.
    expect((await verify(person.idNumber, code, '10.20.0.1')).statusCode).toBe(400);

    const audit = await sql<{ actor_name: string; entity_id: string }>`select actor_name, entity_id from audit_log where action = 'portal.login'`.execute(db.kysely);
    expect(audit.rows).toContainEqual({ actor_name: maskIdNumber(person.idNumber), entity_id: maskIdNumber(person.idNumber) });
    expect(JSON.stringify(audit.rows)).not.toContain(person.idNumber);
  });

  it('a registered person giving another phone gets the same answer and no code is sent', async () => {
    const before = sent().length;
    const res = await requestCode(person.idNumber, '13900001111', '10.20.0.2');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: SENT });
    expect(sent().length).toBe(before);
  });

  it('a new applicant signs in with the phone given and sees no household', async () => {
    const id = await newApplicant();
    const { res } = await signIn(id, '13700002222', '10.20.0.3');
    expect(res.json()).toEqual({ name: null, idNumber: maskIdNumber(id), households: [] });
  });

  it('a wrong code 5 times kills the code: the right one then fails too', async () => {
    const id = await newApplicant();
    expect((await requestCode(id, '13700003333', '10.20.0.4')).statusCode).toBe(200);
    const code = lastCode('13700003333');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await verify(id, wrong, '10.20.0.4');
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).details.fields?.[0]?.field).toBe('code');
    }
    const late = await verify(id, code, '10.20.0.4');
    expect(late.statusCode).toBe(400);
    expect(errorOf(late).details.fields?.[0]?.field).toBe('code');
  });

  it('an expired code is refused, naming code', async () => {
    const id = await newApplicant();
    expect((await requestCode(id, '13700004444', '10.20.0.5')).statusCode).toBe(200);
    const code = lastCode('13700004444');
    await sql`update portal_codes set expires_at = now() - interval '1 second' where id_number = ${id}`.execute(db.kysely);
    const res = await verify(id, code, '10.20.0.5');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details.fields?.[0]?.field).toBe('code');
  });

  it('the 6th code request in an hour for one ID number → 429 with Retry-After; the same for one address', async () => {
    const id = await newApplicant();
    for (let i = 0; i < 5; i++) expect((await requestCode(id, '13700005555', `10.21.0.${i + 1}`)).statusCode).toBe(200);
    const sixth = await requestCode(id, '13700005555', '10.21.0.9');
    expect(sixth.statusCode).toBe(429);
    expect(errorOf(sixth).message).toMatch(/^获取验证码过于频繁，请 \d+ 分钟后再试$/);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(3000);

    for (let i = 0; i < 5; i++) expect((await requestCode(await newApplicant(), '13700006666', '10.22.0.1')).statusCode).toBe(200);
    const fromSameAddress = await requestCode(await newApplicant(), '13700006666', '10.22.0.1');
    expect(fromSameAddress.statusCode).toBe(429);
    expect(fromSameAddress.headers['retry-after']).toBeDefined();
  });

  it('a bad ID number or phone → 400 naming the field, and nothing is stored or sent', async () => {
    const count = async () => Number((await sql<{ n: string }>`select (select count(*) from portal_codes) + (select count(*) from portal_code_requests) as n`.execute(db.kysely)).rows[0]?.n);
    const before = { stored: await count(), sent: sent().length };
    const goodId = await newApplicant();
    const badCheck = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0');
    const badId = await requestCode(badCheck, '13700007777', '10.20.0.7');
    expect(badId.statusCode).toBe(400);
    expect(errorOf(badId).details.fields?.[0]?.field).toBe('idNumber');
    const badPhone = await requestCode(goodId, '23700007777', '10.20.0.7');
    expect(badPhone.statusCode).toBe(400);
    expect(errorOf(badPhone).details.fields?.[0]?.field).toBe('phone');
    const shortPhone = await requestCode(goodId, '1370000777', '10.20.0.7');
    expect(errorOf(shortPhone).details.fields?.[0]?.field).toBe('phone');
    expect({ stored: await count(), sent: sent().length }).toEqual(before);
  });

  it('the staff API answers 401 to a portal cookie, and the portal 401 to a staff session', async () => {
    const { token } = await signIn(await newApplicant(), '13700008888', '10.20.0.8');
    for (const cookies of [{ jiuzhu_portal: token }, { jiuzhu_session: token }] as Record<string, string>[]) {
      expect((await built.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies })).statusCode).toBe(401);
    }
    expect((await built.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);

    const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guanghui.clerk', password: 'jiuzhu-demo' } });
    expect(login.statusCode).toBe(200);
    const staff = login.cookies.find((c) => c.name === 'jiuzhu_session')?.value ?? '';
    expect((await built.app.inject({ method: 'GET', url: '/api/portal/v1/me', cookies: { jiuzhu_session: staff } })).statusCode).toBe(401);
    expect((await built.app.inject({ method: 'GET', url: '/api/portal/v1/me', cookies: { jiuzhu_portal: staff } })).statusCode).toBe(401);
    expect((await built.app.inject({ method: 'GET', url: '/api/portal/v1/me', headers: { authorization: `Bearer ${staff}` } })).statusCode).toBe(401);
  });

  it('logout ends the session; an idle or old session has ended too', async () => {
    const { token } = await signIn(await newApplicant(), '13700009999', '10.20.0.9');
    expect((await me(token)).statusCode).toBe(200);
    const out = await built.app.inject({ method: 'POST', url: '/api/portal/v1/auth/logout', cookies: { jiuzhu_portal: token } });
    expect(out.statusCode).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
    expect((await sql`select 1 from audit_log where action = 'portal.logout'`.execute(db.kysely)).rows.length).toBeGreaterThan(0);

    const idle = await signIn(await newApplicant(), '13600001111', '10.20.0.10');
    await sql`update portal_sessions set last_seen_at = now() - interval '31 minutes' where revoked_at is null`.execute(db.kysely);
    expect((await me(idle.token)).statusCode).toBe(401);

    const old = await signIn(await newApplicant(), '13600002222', '10.20.0.11');
    await sql`update portal_sessions set expires_at = now() - interval '1 second' where revoked_at is null`.execute(db.kysely);
    expect((await me(old.token)).statusCode).toBe(401);
  });

  it('limits the whole portal API per address: 120 requests a minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 121; i++) codes.push((await built.app.inject({ method: 'GET', url: '/api/portal/v1/me', remoteAddress: '10.30.0.1' })).statusCode);
    expect(codes.slice(0, 120).every((c) => c === 401)).toBe(true);
    expect(codes[120]).toBe(429);
  });
});

describe('SMS providers', () => {
  const log = { info: () => {}, error: () => {} };
  it('http: posts JSON with the bearer token; a non-2xx answer is the citizen-facing failure', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const ok = httpProvider('https://sms.example/send', 'tok', log, (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('{}', { status: 200 });
    }) as typeof fetch);
    await ok.send('13800001111', 'hello');
    expect(calls[0]?.url).toBe('https://sms.example/send');
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ phone: '13800001111', text: 'hello' });
    const refused = httpProvider('https://sms.example/send', 'tok', log, (async () => new Response('no', { status: 503 })) as typeof fetch);
    await expect(refused.send('13800001111', 'hello')).rejects.toMatchObject({ message: SMS_FAILED });
  });

  it('an unknown provider refuses to start with a clear message', () => {
    expect(() => loadConfig({ JIUZHU_SMS_PROVIDER: 'pigeon' })).toThrow(/JIUZHU_SMS_PROVIDER 应为 console、file、http 之一/);
    expect(() => loadConfig({ JIUZHU_SMS_PROVIDER: 'file' })).toThrow(/JIUZHU_SMS_FILE/);
  });
});
