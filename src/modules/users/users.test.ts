// Password policy on user creation, and PATCH /users/:username (role, area, department, active).
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';

describe(`user accounts (${ENGINE})`, () => {
  const t = useTestApp();
  let admin: string;
  beforeAll(async () => {
    admin = await tokenFor(t.built, 'qiannan.admin');
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const exists = async (username: string) => (await t.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
  const create = (username: string, password: string, displayName = '福泉市审批员') =>
    call('POST', '/users', admin, { username, displayName, password, role: 'county_approver', areaCode: '522702' });

  describe('password policy', () => {
    const refused: [string, string][] = [
      ['short-pw', '密码至少 10 位'],
      ['woaini1314', '密码强度不足：这是最常用的密码之一'],
      ['qwertyuiop', '密码强度不足：这是最常用的密码之一'],
      ['1qaz2wsx3edc', '密码强度不足：这是最常用的密码之一'],
      ['zhangwei123', '密码强度不足：常见的姓名很容易被猜到'],
      ['password123', '密码强度不足：这是常用密码'],
      ['1234567890', '密码强度不足：这是极常用的密码'],
      ['aaaaaaaaaa', '密码强度不足：重复的字符（如 aaa）很容易被猜到'],
      ['abcdefghijk', '密码强度不足：常见的字符顺序（如 abc、123）很容易被猜到'],
      ['P@ssw0rd1234', '密码强度不足：与常用密码过于相似'],
      ['jiuzhu-demo', '密码强度不足：与常用密码过于相似'],
      ['fuquan.policy#2015', '密码不能包含用户名、姓名等个人信息'],
      ['Policy-2015!xk', '密码不能包含用户名、姓名等个人信息'],
      ['福泉市审批员@Guizhou9', '密码不能包含用户名、姓名等个人信息'],
    ];
    it.each(refused)('refuses %s: %s', async (password, message) => {
      const res = await create('fuquan.policy', password);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).details.fields).toEqual([{ field: 'password', message: expect.stringContaining(message) }]);
      expect(await exists('fuquan.policy')).toBe(false);
    });

    it.each(['Lan-river.47-kite', 'correct horse battery', 'tianmao-Gui-8351'])('accepts %s', async (password) => {
      const username = `fuquan.ok${password.length}`;
      const res = await create(username, password);
      expect(res.statusCode, res.body).toBe(201);
      expect(await tokenFor(t.built, username, password)).toMatch(/.+/);
    });
  });

  describe('PATCH /users/:username', () => {
    let duyun: string;
    beforeAll(async () => {
      duyun = await tokenFor(t.built, 'duyun.approver');
      for (const [username, areaCode] of [['patch.target', '522701'], ['patch.foreign', '522702'], ['patch.off', '522701']] as const) {
        const res = await call('POST', '/users', admin, { username, displayName: '测试', password: STRONG_PASSWORD, role: 'county_approver', areaCode });
        expect(res.statusCode, res.body).toBe(201);
      }
    });

    it('changes the role, ends every session of the user, and is audited', async () => {
      const session = await tokenFor(t.built, 'patch.target', STRONG_PASSWORD);
      const res = await call('PATCH', '/users/patch.target', duyun, { role: 'auditor' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ user: { username: 'patch.target', role: 'auditor', areaCode: '522701', active: true } });
      expect((await call('GET', '/auth/me', session)).statusCode).toBe(401);
      const fresh = await tokenFor(t.built, 'patch.target', STRONG_PASSWORD);
      expect((await call('GET', '/auth/me', fresh)).json()).toMatchObject({ user: { role: 'auditor' } });
      const entry = await t.db.kysely.selectFrom('audit_log').select(['actor_name', 'before', 'after']).where('action', '=', 'users.update').executeTakeFirstOrThrow();
      expect(entry).toEqual({
        actor_name: 'duyun.approver',
        before: { role: 'county_approver', areaCode: '522701', department: null, active: true },
        after: { role: 'auditor', areaCode: '522701', department: null, active: true, sessionsEnded: 1 },
      });
    });

    it('deactivates an account: its sessions end and it cannot log in', async () => {
      const session = await tokenFor(t.built, 'patch.off', STRONG_PASSWORD);
      const res = await call('PATCH', '/users/patch.off', duyun, { active: false });
      expect(res.json()).toMatchObject({ user: { active: false } });
      expect((await call('GET', '/auth/me', session)).statusCode).toBe(401);
      const again = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { username: 'patch.off', password: STRONG_PASSWORD } });
      expect(again.statusCode).toBe(401);
    });

    it('a user of another area is not found, and nothing changes', async () => {
      const session = await tokenFor(t.built, 'patch.foreign', STRONG_PASSWORD);
      for (const username of ['patch.foreign', 'qiannan.admin', 'no.such.user']) {
        const res = await call('PATCH', `/users/${username}`, duyun, { active: false });
        expect(res.statusCode, username).toBe(404);
        expect(errorOf(res).code).toBe('not_found');
      }
      expect((await call('GET', '/auth/me', session)).json()).toMatchObject({ user: { role: 'county_approver' } });
      const row = await t.db.kysely.selectFrom('users').select(['role', 'active']).where('username', '=', 'patch.foreign').executeTakeFirstOrThrow();
      expect(row).toEqual({ role: 'county_approver', active: true });
    });

    it('refuses bad changes, naming the field', async () => {
      const cases: [string, string, object, number, string][] = [
        ['patch.target', duyun, {}, 400, '(body)'],
        ['patch.target', duyun, { role: 'king' }, 400, 'role'],
        ['patch.target', duyun, { areaCode: 'x' }, 400, 'areaCode'],
        ['patch.target', duyun, { password: 'x' }, 400, 'password'],
        ['patch.target', duyun, { role: 'partner' }, 400, 'department'],
        ['patch.target', duyun, { role: 'prefecture_admin' }, 400, 'role'],
        ['patch.target', duyun, { role: 'village_clerk' }, 400, 'areaCode'],
      ];
      for (const [username, token, body, status, field] of cases) {
        const res = await call('PATCH', `/users/${username}`, token, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(status);
        expect(errorOf(res).details.fields?.[0]?.field, JSON.stringify(body)).toBe(field);
      }
      expect((await call('PATCH', '/users/duyun.approver', duyun, { active: false })).statusCode).toBe(409);
      const caseworker = await tokenFor(t.built, 'guanghui.caseworker');
      expect((await call('PATCH', '/users/guanghui.clerk', caseworker, { active: false })).statusCode).toBe(403);
      const row = await t.db.kysely.selectFrom('users').select(['role', 'active']).where('username', '=', 'patch.target').executeTakeFirstOrThrow();
      expect(row).toEqual({ role: 'auditor', active: true });
    });
  });
});
