// Login hardening (issue #15): atomic throttling, lockout per user name + address with backoff,
// session rotation on login and on a password change.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { pruneThrottle } from './repo.ts';
import { THROTTLE } from './throttle.ts';

describe(`login hardening (${ENGINE})`, () => {
  const t = useTestApp();
  let admin: string;
  beforeAll(async () => {
    admin = await tokenFor(t.built, 'qiannan.admin');
  });

  const login = (username: string, password: string, from = '127.0.0.1', cookie?: string) =>
    t.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: from, payload: { username, password }, ...(cookie ? { cookies: { jiuzhu_session: cookie } } : {}) });
  const sessionOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'jiuzhu_session')?.value ?? '';
  const me = (headers: Record<string, string>) => t.built.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const meByCookie = (cookie: string) => t.built.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { jiuzhu_session: cookie } });
  /** Attempts whose password was actually checked (the throttle logs only those). */
  const checked = async (username: string) =>
    Number((await t.db.kysely.selectFrom('login_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', username).executeTakeFirstOrThrow()).n);
  /** Lets the wait of a user name + address run out, as if the time had passed. */
  const waitOut = (username: string, ip: string) =>
    sql`update login_throttle set last_at = last_at - interval '2 hours' where kind = 'pair' and username = ${username} and ip = ${ip}`.execute(t.db.kysely);

  async function newUser(username: string, areaCode = '522702'): Promise<void> {
    const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: { username, displayName: '测试用户', password: STRONG_PASSWORD, role: 'county_approver', areaCode } });
    expect(res.statusCode, res.body).toBe(201);
  }

  it('checks at most 5 of 20 parallel wrong guesses; the rest get 429 with Retry-After', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => login('guanghui.clerk', 'wrong-guess-123', '10.0.0.20')));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
    expect(await checked('guanghui.clerk')).toBe(5);
    const refused = results.find((r) => r.statusCode === 429);
    if (!refused) throw new Error('no 429');
    const error = errorOf(refused);
    expect(error.code).toBe('too_many_attempts');
    expect(error.message).toMatch(/^登录失败次数过多，请 (1 分钟|5\d 秒)后再试$/);
    expect(error.details.retryAfterSeconds).toBeGreaterThanOrEqual(50);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.headers['retry-after']).toBe(String(error.details.retryAfterSeconds));
    // The right password from that address waits too: the guesses cannot be told from the user.
    expect((await login('guanghui.clerk', 'jiuzhu-demo', '10.0.0.20')).statusCode).toBe(429);
  });

  it('an attacker at another address cannot lock the user out', async () => {
    for (let i = 0; i < 5; i++) expect((await login('duyun.approver', 'wrong-guess-123', '10.6.6.6')).statusCode).toBe(401);
    expect((await login('duyun.approver', 'wrong-guess-123', '10.6.6.6')).statusCode).toBe(429);
    const real = await login('duyun.approver', 'jiuzhu-demo', '10.1.1.1');
    expect(real.statusCode).toBe(200);
    expect((await meByCookie(sessionOf(real))).json()).toMatchObject({ user: { username: 'duyun.approver' } });
    // The attacker is still waiting.
    expect((await login('duyun.approver', 'jiuzhu-demo', '10.6.6.6')).statusCode).toBe(429);
  });

  it('the wait doubles with each further failure: 1, 2, 4 minutes', async () => {
    const from = '10.0.0.30';
    for (let i = 0; i < 5; i++) expect((await login('wenfeng.caseworker', 'wrong-guess-123', from)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await login('wenfeng.caseworker', 'wrong-guess-123', from);
      expect(refused.statusCode).toBe(429);
      waits.push(Number(errorOf(refused).details.retryAfterSeconds));
      await waitOut('wenfeng.caseworker', from);
      expect((await login('wenfeng.caseworker', 'wrong-guess-123', from)).statusCode).toBe(401);
    }
    // Whole seconds still to wait, a few less when the machine is slow.
    expect(waits.map((w, i) => [60, 120, 240][i]! - w).every((late) => late >= 0 && late < 10), waits.join()).toBe(true);
    const fourth = errorOf(await login('wenfeng.caseworker', 'wrong-guess-123', from));
    expect(fourth.message).toBe('登录失败次数过多，请 8 分钟后再试');
  });

  it('a successful login resets its user name + address', async () => {
    await newUser('reset.check');
    const from = '10.0.0.40';
    for (let i = 0; i < 4; i++) expect((await login('reset.check', 'wrong-guess-123', from)).statusCode).toBe(401);
    expect((await login('reset.check', STRONG_PASSWORD, from)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login('reset.check', 'wrong-guess-123', from)).statusCode).toBe(401);
    expect((await login('reset.check', STRONG_PASSWORD, from)).statusCode).toBe(429);
  });

  it('guesses from many addresses slow the user name down, but not at an address the user logged in from', async () => {
    await newUser('many.addresses');
    expect((await login('many.addresses', STRONG_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await login('many.addresses', 'wrong-guess-123', `10.3.0.${i + 1}`)).statusCode).toBe(401);
    // As after 16 failures: the wait has doubled from 1 s up to its cap of 60 s.
    await sql`update login_throttle set failures = 16, last_at = now() where kind = 'user' and username = 'many.addresses'`.execute(t.db.kysely);
    const fresh = await login('many.addresses', STRONG_PASSWORD, '10.3.1.1');
    expect(fresh.statusCode).toBe(429);
    expect(errorOf(fresh).message).toMatch(/^登录失败次数过多，请 (1 分钟|5\d 秒)后再试$/);
    expect((await login('many.addresses', STRONG_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('one address guessing many user names is stopped after 50 failures', async () => {
    const from = '10.4.0.1';
    // At once: each attempt is reserved atomically, so exactly 50 are checked whatever the interleaving.
    const sprayed = await Promise.all(Array.from({ length: 50 }, (_, i) => login(`spray.${i}`, 'wrong-guess-123', from)));
    expect(sprayed.map((r) => r.statusCode)).toEqual(Array(50).fill(401));
    const refused = await login('spray.50', 'wrong-guess-123', from);
    expect(refused.statusCode).toBe(429);
    expect(errorOf(refused).details.retryAfterSeconds).toBeGreaterThanOrEqual(50);
    expect((await login('guanghui.caseworker', 'jiuzhu-demo', '10.4.0.2')).statusCode).toBe(200);
  });

  it('forgets counters whose window and wait are over, but keeps a lockout still running and a known address', async () => {
    const now = new Date();
    const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    const row = (kind: 'pair' | 'user' | 'ip', username: string, ip: string, windowStart: Date, lastAt: Date | null, succeededAt: Date | null = null) =>
      ({ kind, username, ip, failures: 7, window_start: windowStart, last_at: lastAt, succeeded_at: succeededAt });
    await t.db.kysely.insertInto('login_throttle').values([
      row('ip', '', '10.77.0.1', ago(3), ago(3)), // spraying long over: forgotten
      row('user', 'prune.gone', '', ago(2), ago(2)), // window 1 h over: forgotten
      row('pair', 'prune.gone', '10.77.0.2', ago(30), ago(30)), // 24 h window over: forgotten
      row('pair', 'prune.locked', '10.77.0.3', ago(30), ago(0.1)), // its 30 min wait still runs: kept
      row('pair', 'prune.known', '10.77.0.4', ago(30), ago(30), ago(24 * 10)), // address known for 90 days: kept
      row('ip', '', '10.77.0.5', ago(0.1), ago(0.1)), // window still open: kept
    ]).execute();
    const deleted = await pruneThrottle(t.db.kysely, now, { pair: THROTTLE.pair, user: THROTTLE.user, ip: THROTTLE.ip }, THROTTLE.knownAddressDays);
    const left = await t.db.kysely.selectFrom('login_throttle').select(['kind', 'username', 'ip']).where('ip', 'like', '10.77.%').execute();
    const gone = await t.db.kysely.selectFrom('login_throttle').select('kind').where('username', '=', 'prune.gone').execute();
    expect(deleted).toBeGreaterThanOrEqual(3);
    expect(gone).toEqual([]);
    expect(left.map((r) => r.ip).sort()).toEqual(['10.77.0.3', '10.77.0.4', '10.77.0.5']);
  });

  it('an unknown user name takes as long as a wrong password, and answers the same', async () => {
    // At the real hashing cost (the suite hashes cheaply): a user made now, and a decoy of the same cost.
    process.env.JIUZHU_INSECURE_FAST_HASH = '0';
    onTestFinished(() => {
      process.env.JIUZHU_INSECURE_FAST_HASH = '1';
    });
    const admin = await tokenFor(t.built, 'qiannan.admin');
    const made = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: { username: 'timing.known', displayName: '计时用户', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    expect(made.statusCode, made.body).toBe(201);
    const timed = async (username: string, from: string) => {
      const t = performance.now();
      const res = await login(username, 'Wrong-guess.91-owl', from);
      return { ms: performance.now() - t, status: res.statusCode, body: res.body };
    };
    const known = [], unknown = [];
    for (let i = 0; i < 3; i++) {
      known.push(await timed('timing.known', `10.9.1.${i}`));
      unknown.push(await timed(`no.such.user${i}`, `10.9.2.${i}`));
    }
    expect(new Set([...known, ...unknown].map((r) => `${r.status} ${r.body}`)).size).toBe(1);
    const median = (rs: { ms: number }[]) => rs.map((r) => r.ms).sort((a, b) => a - b)[1] as number;
    // Both check one argon2 hash (~100 ms); without the decoy an unknown name answers in a few ms.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });

  it('logging in with a session cookie or token ends that session', async () => {
    const first = await login('guanghui.caseworker', 'jiuzhu-demo');
    const old = sessionOf(first);
    expect((await meByCookie(old)).statusCode).toBe(200);
    const second = await login('guanghui.caseworker', 'jiuzhu-demo', '127.0.0.1', old);
    expect(second.statusCode).toBe(200);
    expect(sessionOf(second)).not.toBe(old);
    expect((await meByCookie(old)).statusCode).toBe(401);
    expect((await meByCookie(sessionOf(second))).statusCode).toBe(200);

    const tokenA = await tokenFor(t.built, 'guanghui.caseworker');
    const again = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer(tokenA), payload: { username: 'guanghui.caseworker', password: 'jiuzhu-demo' } });
    expect(again.statusCode).toBe(201);
    expect((await me(bearer(tokenA))).statusCode).toBe(401);
    expect((await me(bearer((again.json() as { token: string }).token))).statusCode).toBe(200);
  });

  describe('own password change', () => {
    const NEW_PASSWORD = 'Quiet-harbor.83-lamp';
    const change = (cookie: string, body: object, from = '127.0.0.1') =>
      t.built.app.inject({ method: 'POST', url: '/api/v1/auth/password', remoteAddress: from, cookies: { jiuzhu_session: cookie }, payload: body });

    it('refuses a wrong current password, a weak or unchanged new one, naming the field, and changes nothing', async () => {
      await newUser('pw.refused');
      const cookie = sessionOf(await login('pw.refused', STRONG_PASSWORD));
      const cases: [object, string, string][] = [
        [{ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }, 'currentPassword', '当前密码不正确'],
        [{ currentPassword: STRONG_PASSWORD, newPassword: 'woaini1314' }, 'newPassword', '密码强度不足：这是最常用的密码之一'],
        [{ currentPassword: STRONG_PASSWORD, newPassword: 'pw.refused-2015' }, 'newPassword', '密码不能包含用户名、姓名等个人信息'],
        [{ currentPassword: STRONG_PASSWORD, newPassword: 'short' }, 'newPassword', '密码至少 10 位'],
        [{ currentPassword: STRONG_PASSWORD, newPassword: STRONG_PASSWORD }, 'newPassword', '新密码不能与当前密码相同'],
        [{ currentPassword: STRONG_PASSWORD }, 'newPassword', ''],
      ];
      for (const [body, field, message] of cases) {
        const res = await change(cookie, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(errorOf(res).details.fields?.[0]).toMatchObject({ field, message: expect.stringContaining(message) });
      }
      expect((await meByCookie(cookie)).statusCode).toBe(200);
      expect((await login('pw.refused', STRONG_PASSWORD, '10.5.0.1')).statusCode).toBe(200);
      expect((await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD } })).statusCode).toBe(401);
    });

    it('a wrong current password counts as a failed login', async () => {
      await newUser('pw.guessed');
      const cookie = sessionOf(await login('pw.guessed', STRONG_PASSWORD));
      for (let i = 0; i < 5; i++) expect((await change(cookie, { currentPassword: `guess-number-${i}`, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
      expect((await change(cookie, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(429);
    });

    it('ends every other session, rotates the current one, and is audited', async () => {
      await newUser('pw.changer');
      const current = sessionOf(await login('pw.changer', STRONG_PASSWORD));
      const otherBrowser = sessionOf(await login('pw.changer', STRONG_PASSWORD, '10.7.0.1'));
      const apiToken = await tokenFor(t.built, 'pw.changer', STRONG_PASSWORD);
      const res = await change(current, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ user: { username: 'pw.changer' } });
      const rotated = sessionOf(res);
      expect(rotated).not.toBe('');
      expect(rotated).not.toBe(current);
      expect((await meByCookie(rotated)).statusCode).toBe(200);
      for (const dead of [current, otherBrowser]) expect((await meByCookie(dead)).statusCode).toBe(401);
      expect((await me(bearer(apiToken))).statusCode).toBe(401);
      expect((await login('pw.changer', STRONG_PASSWORD, '10.7.0.2')).statusCode).toBe(401);
      expect((await login('pw.changer', NEW_PASSWORD, '10.7.0.3')).statusCode).toBe(200);
      const entry = await t.db.kysely.selectFrom('audit_log').select(['actor_name', 'after']).where('action', '=', 'auth.password').executeTakeFirst();
      expect(entry).toEqual({ actor_name: 'pw.changer', after: { sessionsEnded: 3 } });
    });

    it('with an API token, answers the new token in place of the old one', async () => {
      await newUser('pw.api');
      const token = await tokenFor(t.built, 'pw.api', STRONG_PASSWORD);
      const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: bearer(token), payload: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      const fresh = (res.json() as { token?: string }).token ?? '';
      expect((await me(bearer(token))).statusCode).toBe(401);
      expect((await me(bearer(fresh))).json()).toMatchObject({ user: { username: 'pw.api' } });
    });
  });
});
