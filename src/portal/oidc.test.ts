// Citizen sign-in through the provincial 一网通办 OIDC login (issue 21), against a local OIDC issuer
// (src/test/oidc-issuer.ts): the whole browser round trip, and each way it must fail without a session.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { loadConfig } from '../kernel/config.ts';
import { makeIdNumber } from '../kernel/id-number.ts';
import { maskIdNumber, maskName } from '../kernel/mask.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { bearer, errorOf, tokenFor } from '../test/http.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { startTestIssuer, testKey, type TestIssuer } from '../test/oidc-issuer.ts';

const PORTAL = '/api/portal/v1';
const oidcEnv = (issuer: TestIssuer, extra: Record<string, string> = {}) => ({
  JIUZHU_OIDC_ISSUER: issuer.url,
  JIUZHU_OIDC_CLIENT_ID: issuer.clientId,
  JIUZHU_OIDC_CLIENT_SECRET: issuer.clientSecret,
  ...extra,
});
const appWith = (db: Database, env: Record<string, string>) => buildApp({ db, config: { ...loadConfig(env), demo: true } }, { logger: false });

describe(`portal sign-in through the 一网通办 OIDC login (${ENGINE})`, () => {
  let db: Database;
  let issuer: TestIssuer;
  let built: BuiltApp;
  /** A registry member and their household. */
  let person: { idNumber: string; name: string; householdNo: string; members: string[] };

  beforeAll(async () => {
    db = await testDatabase();
    issuer = await startTestIssuer();
    built = await appWith(db, oidcEnv(issuer));
    const clerk = await tokenFor(built, 'guanghui.clerk');
    const names = ['周玉兰', '吴国庆'];
    const members = names.map((name, i) => memberInput({ name, relation: i === 0 ? 'head' : 'spouse', idNumber: idNumber(i === 0 ? '1972-08-09' : '1970-01-12', i === 0 ? 'female' : 'male') }));
    const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(clerk), payload: householdInput('522701001001', members, { phone: '13855556666' }) });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { householdNo?: string; household?: { householdNo: string } };
    person = { idNumber: members[0]!.idNumber as string, name: names[0]!, householdNo: body.householdNo ?? body.household?.householdNo ?? '', members: names };
    expect(person.householdNo).toMatch(/^\d{14}$/);
  });
  afterAll(async () => {
    await built?.app.close();
    await issuer?.close();
    await db?.close();
  });
  beforeEach(() => {
    issuer.citizen = { id_number: person.idNumber };
    issuer.tamper = undefined;
    issuer.signWith = undefined;
  });

  const cookieOf = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name);
  const me = (app: BuiltApp, token: string) => app.app.inject({ method: 'GET', url: `${PORTAL}/me`, cookies: { jiuzhu_portal: token } });
  const signedIn = async () => ({
    sessions: Number((await sql<{ n: string }>`select count(*) as n from portal_sessions`.execute(db.kysely)).rows[0]?.n),
    logins: Number((await sql<{ n: string }>`select count(*) as n from audit_log where action = 'portal.login'`.execute(db.kysely)).rows[0]?.n),
  });

  /** The browser's part: start → the issuer's authorize → back with code and state; the callback not yet called. */
  async function toIssuerAndBack(app = built): Promise<{ callback: string; stateCookie: string; start: LightMyRequestResponse }> {
    const start = await app.app.inject({ method: 'GET', url: `${PORTAL}/auth/oidc/start` });
    expect(start.statusCode, start.body).toBe(302);
    const location = String(start.headers.location);
    expect(location.startsWith(`${issuer.url}/authorize?`)).toBe(true);
    const stateCookie = cookieOf(start, 'jiuzhu_portal_oidc');
    expect(stateCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `${PORTAL}/auth/oidc` });
    const atIssuer = await fetch(location, { redirect: 'manual' });
    expect(atIssuer.status).toBe(302);
    const back = new URL(atIssuer.headers.get('location') ?? '');
    return { callback: `${back.pathname}${back.search}`, stateCookie: stateCookie?.value ?? '', start };
  }
  const callback = (url: string, stateCookie: string | undefined, app = built) =>
    app.app.inject({ method: 'GET', url, ...(stateCookie === undefined ? {} : { cookies: { jiuzhu_portal_oidc: stateCookie } }) });

  /** A failed callback: the Chinese error, no session cookie, no session stored, no login audited. */
  async function expectRefused(res: LightMyRequestResponse, before: { sessions: number; logins: number }, status: number, code: string) {
    expect(res.statusCode, res.body).toBe(status);
    expect(errorOf(res).code).toBe(code);
    expect(errorOf(res).message).toMatch(/[\u4e00-\u9fff]/);
    expect(cookieOf(res, 'jiuzhu_portal')).toBeUndefined();
    expect(await signedIn()).toEqual(before);
  }

  it('signs a registered person in end to end: PKCE and client_secret_basic at the issuer, a portal session, their own household', async () => {
    const before = await signedIn();
    const { callback: url, stateCookie } = await toIssuerAndBack();
    const asked = issuer.seen.authorize.at(-1)!;
    expect(asked.get('code_challenge_method')).toBe('S256');
    // No JIUZHU_OIDC_REDIRECT_URI: derived from the request's origin.
    expect(asked.get('redirect_uri')).toBe(`http://localhost:80${PORTAL}/auth/oidc/callback`);

    const res = await callback(url, stateCookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/portal/');
    const session = cookieOf(res, 'jiuzhu_portal');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookieOf(res, 'jiuzhu_portal_oidc')?.value).toBe('');
    const token = issuer.seen.token.at(-1)!;
    expect(token.authorization).toMatch(/^Basic /);
    expect(token.form.get('code_verifier')).toMatch(/^[\w-]{43}$/);

    const mine = await me(built, session?.value ?? '');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({
      name: maskName(person.name),
      idNumber: maskIdNumber(person.idNumber),
      households: [expect.objectContaining({ householdNo: person.householdNo, members: person.members.map((n) => ({ name: maskName(n) })) })],
    });
    expect(await signedIn()).toEqual({ sessions: before.sessions + 1, logins: before.logins + 1 });
    const audit = await sql<{ actor_name: string; after: unknown }>`select actor_name, after from audit_log where action = 'portal.login' order by id desc limit 1`.execute(db.kysely);
    expect(audit.rows[0]?.actor_name).toBe(maskIdNumber(person.idNumber));
    expect(JSON.stringify(audit.rows[0]?.after)).toContain('"method":"oidc"');
  });

  it('someone not in the registry signs in as a new applicant with no household', async () => {
    const newcomer = makeIdNumber('522702', '1993-05-06', 321);
    issuer.citizen = { id_number: newcomer.toLowerCase() };
    const { callback: url, stateCookie } = await toIssuerAndBack();
    const res = await callback(url, stateCookie);
    expect(res.statusCode, res.body).toBe(302);
    expect((await me(built, cookieOf(res, 'jiuzhu_portal')?.value ?? '')).json()).toEqual({ name: null, idNumber: maskIdNumber(newcomer), households: [] });
  });

  it('keeps the issuer keys cached and reads them again when a token names a new key (rotation to ES256)', async () => {
    const first = await toIssuerAndBack();
    expect((await callback(first.callback, first.stateCookie)).statusCode).toBe(302);
    const jwksReads = issuer.seen.jwks;
    const again = await toIssuerAndBack();
    expect((await callback(again.callback, again.stateCookie)).statusCode).toBe(302);
    expect(issuer.seen.jwks).toBe(jwksReads);

    const old = issuer.keys;
    issuer.keys = [testKey('ES256', 'key-ec'), ...old];
    try {
      const rotated = await toIssuerAndBack();
      const res = await callback(rotated.callback, rotated.stateCookie);
      expect(res.statusCode, res.body).toBe(302);
      expect(issuer.seen.jwks).toBe(jwksReads + 1);
      expect((await me(built, cookieOf(res, 'jiuzhu_portal')?.value ?? '')).statusCode).toBe(200);
    } finally {
      issuer.keys = old;
    }
  });

  it('refuses a state that is not this browser’s, or none at all', async () => {
    const before = await signedIn();
    const { callback: url, stateCookie } = await toIssuerAndBack();
    const forged = url.replace(/state=[^&]+/, 'state=forged-state');
    const refused = await callback(forged, stateCookie);
    await expectRefused(refused, before, 400, 'oidc_state_invalid');
    // This sign-in attempt is over in the browser too.
    expect(cookieOf(refused, 'jiuzhu_portal_oidc')?.value).toBe('');
    // Another browser (an attacker's link to a victim): no state cookie.
    const other = await toIssuerAndBack();
    await expectRefused(await callback(other.callback, undefined), before, 400, 'oidc_state_invalid');
    // A state cookie of another sign-in.
    await expectRefused(await callback(other.callback, stateCookie), before, 400, 'oidc_state_invalid');
  });

  it('refuses a replayed callback: a state is used once', async () => {
    const { callback: url, stateCookie } = await toIssuerAndBack();
    expect((await callback(url, stateCookie)).statusCode).toBe(302);
    const before = await signedIn();
    await expectRefused(await callback(url, stateCookie), before, 400, 'oidc_state_invalid');
  });

  it('refuses an expired sign-in (over 10 minutes at the issuer)', async () => {
    const before = await signedIn();
    const { callback: url, stateCookie } = await toIssuerAndBack();
    await sql`update portal_oidc_logins set expires_at = now() - interval '1 second' where used_at is null`.execute(db.kysely);
    await expectRefused(await callback(url, stateCookie), before, 400, 'oidc_state_invalid');
  });

  const forgeries: [string, (c: Record<string, unknown>) => Record<string, unknown>, string][] = [
    ['a wrong nonce', (c) => ({ ...c, nonce: 'another-nonce' }), 'nonce'],
    ['no nonce', ({ nonce: _, ...c }) => c, 'nonce'],
    ['a wrong audience', (c) => ({ ...c, aud: 'another-client' }), 'audience'],
    ['several audiences without azp', (c) => ({ ...c, aud: [String(c.aud), 'another-client'] }), 'audience'],
    ['a wrong issuer', (c) => ({ ...c, iss: 'https://idp.example.org' }), 'issuer'],
    ['an expired token', (c) => ({ ...c, exp: Number(c.iat) - 600, iat: Number(c.iat) - 900 }), 'expired'],
    ['a token issued in the future', (c) => ({ ...c, iat: Number(c.iat) + 3600, exp: Number(c.exp) + 3600 }), 'issued_at'],
  ];
  for (const [what, tamper, reason] of forgeries) {
    it(`refuses an id_token with ${what}`, async () => {
      const before = await signedIn();
      issuer.tamper = tamper;
      const { callback: url, stateCookie } = await toIssuerAndBack();
      const res = await callback(url, stateCookie);
      await expectRefused(res, before, 502, 'oidc_token_invalid');
      expect(errorOf(res).details.reason).toBe(reason);
    });
  }

  it('refuses an id_token signed by a key the issuer does not publish, under a known kid or a new one', async () => {
    for (const kid of ['key-1', 'key-unknown']) {
      const before = await signedIn();
      issuer.signWith = testKey('RS256', kid);
      const { callback: url, stateCookie } = await toIssuerAndBack();
      const res = await callback(url, stateCookie);
      await expectRefused(res, before, 502, 'oidc_token_invalid');
      expect(errorOf(res).details.reason).toBe('signature');
    }
  });

  it('refuses an ID number with a wrong check digit, or none', async () => {
    const good = person.idNumber;
    for (const [claim, reason] of [[good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), 'check_digit'], [undefined, 'missing']] as const) {
      const before = await signedIn();
      issuer.citizen = claim === undefined ? {} : { id_number: claim };
      const { callback: url, stateCookie } = await toIssuerAndBack();
      const res = await callback(url, stateCookie);
      await expectRefused(res, before, 400, 'oidc_id_number_invalid');
      expect(errorOf(res).details.reason).toBe(reason);
    }
  });

  it('a citizen who cancels at the issuer, a code the issuer refuses, and missing parameters: refused, naming the parameter', async () => {
    const before = await signedIn();
    const { callback: url, stateCookie } = await toIssuerAndBack();
    const state = new URL(url, 'http://x').searchParams.get('state') ?? '';
    await expectRefused(await callback(`${PORTAL}/auth/oidc/callback?error=access_denied&state=${state}`, stateCookie), before, 400, 'oidc_denied');
    const wrongCode = await toIssuerAndBack();
    await expectRefused(await callback(wrongCode.callback.replace(/code=[^&]+/, 'code=not-a-code'), wrongCode.stateCookie), before, 400, 'oidc_denied');
    for (const [query, field] of [['code=abc', 'state'], ['state=abc', 'code']] as const) {
      const res = await callback(`${PORTAL}/auth/oidc/callback?${query}`, stateCookie);
      await expectRefused(res, before, 400, 'invalid_field');
      expect(errorOf(res).details.fields?.[0]?.field).toBe(field);
    }
    const long = await callback(`${PORTAL}/auth/oidc/callback?state=${'s'.repeat(300)}&code=abc`, stateCookie);
    expect(long.statusCode).toBe(400);
    expect(errorOf(long).details.fields?.[0]?.field).toBe('state');
  });

  it('an issuer that is down: 502 in Chinese at start, and at the callback when it fell over meanwhile; no session', async () => {
    const before = await signedIn();
    const flaky = await startTestIssuer();
    flaky.citizen = { id_number: person.idNumber };
    const app = await appWith(db, oidcEnv(flaky));
    try {
      const start = await app.app.inject({ method: 'GET', url: `${PORTAL}/auth/oidc/start` });
      expect(start.statusCode).toBe(302);
      const atIssuer = await fetch(String(start.headers.location), { redirect: 'manual' });
      const back = new URL(atIssuer.headers.get('location') ?? '');
      await flaky.close();
      const res = await callback(`${back.pathname}${back.search}`, cookieOf(start, 'jiuzhu_portal_oidc')?.value, app);
      await expectRefused(res, before, 502, 'oidc_unavailable');
      expect(errorOf(res).message).toBe('统一身份认证服务暂时无法访问，请稍后再试或改用短信验证码登录');

      const down = await appWith(db, oidcEnv(flaky));
      try {
        const refused = await down.app.inject({ method: 'GET', url: `${PORTAL}/auth/oidc/start` });
        expect(refused.statusCode).toBe(502);
        expect(errorOf(refused).code).toBe('oidc_unavailable');
        expect(refused.headers.location).toBeUndefined();
      } finally {
        await down.app.close();
      }
    } finally {
      await app.app.close();
    }
  });

  it('lists both sign-in methods when an issuer is configured', async () => {
    const res = await built.app.inject({ method: 'GET', url: `${PORTAL}/auth/methods` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ methods: ['sms', 'oidc'] });
  });

  it('uses JIUZHU_OIDC_REDIRECT_URI and JIUZHU_OIDC_ID_CLAIM when set', async () => {
    const app = await appWith(db, oidcEnv(issuer, { JIUZHU_OIDC_REDIRECT_URI: 'https://jiuzhu.example.cn/api/portal/v1/auth/oidc/callback', JIUZHU_OIDC_ID_CLAIM: 'idcard' }));
    try {
      issuer.citizen = { idcard: person.idNumber };
      const { callback: url, stateCookie } = await toIssuerAndBack(app);
      expect(issuer.seen.authorize.at(-1)?.get('redirect_uri')).toBe('https://jiuzhu.example.cn/api/portal/v1/auth/oidc/callback');
      const res = await callback(url, stateCookie, app);
      expect(res.statusCode, res.body).toBe(302);
      expect(issuer.seen.token.at(-1)?.form.get('redirect_uri')).toBe('https://jiuzhu.example.cn/api/portal/v1/auth/oidc/callback');
    } finally {
      await app.app.close();
    }
  });
});

describe(`portal without an OIDC issuer (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  beforeAll(async () => {
    db = await testDatabase();
    built = await appWith(db, {});
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
  });

  it('answers 404 on the OIDC routes, as for an unknown address, and lists only sms', async () => {
    for (const url of [`${PORTAL}/auth/oidc/start`, `${PORTAL}/auth/oidc/callback?code=a&state=b`]) {
      const res = await built.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res)).toMatchObject({ code: 'not_found', message: `没有这个地址：GET ${url.split('?')[0]}` });
    }
    const methods = await built.app.inject({ method: 'GET', url: `${PORTAL}/auth/methods` });
    expect(methods.json()).toEqual({ methods: ['sms'] });
  });
});

describe('OIDC configuration', () => {
  it('needs https (http only to this machine), a client id and a secret, and names each bad variable', () => {
    expect(() => loadConfig({ JIUZHU_OIDC_ISSUER: 'http://idp.example.org' })).toThrow(/JIUZHU_OIDC_ISSUER 应为 https:\/\//);
    expect(() => loadConfig({ JIUZHU_OIDC_ISSUER: 'https://idp.example.org' })).toThrow(/JIUZHU_OIDC_CLIENT_ID.*JIUZHU_OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ JIUZHU_OIDC_ISSUER: 'https://idp.example.org', JIUZHU_OIDC_CLIENT_ID: 'c', JIUZHU_OIDC_CLIENT_SECRET: 's', JIUZHU_OIDC_SCOPE: 'profile' })).toThrow(/JIUZHU_OIDC_SCOPE/);
    expect(loadConfig({ JIUZHU_OIDC_ISSUER: 'https://idp.example.org', JIUZHU_OIDC_CLIENT_ID: 'c', JIUZHU_OIDC_CLIENT_SECRET: 's' }).oidc).toEqual({
      issuer: 'https://idp.example.org', clientId: 'c', clientSecret: 's', redirectUri: null, idClaim: 'id_number', scope: 'openid',
    });
    expect(loadConfig({}).oidc).toBeNull();
  });
});
