// POST /audit/verify: the prefecture's auditor checks every chain and learns which entry of which chain broke,
// never an entry's content; a county approver may not run it.
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../kernel/audit/append.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';

describe(`verifying the audit chains over HTTP (${ENGINE})`, () => {
  const t = useTestApp();
  let auditor: string;
  beforeAll(async () => {
    auditor = await tokenFor(t.built, 'qiannan.auditor');
  });
  const verify = (token: string) => t.built.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: bearer(token) });

  it('answers ok with the number of entries and chains checked', async () => {
    await t.db.kysely.transaction().execute((tx) => appendAudit(tx, systemScope('test'), { action: 'test.write', entity: 'probe', entityId: 'http', areaCode: '522702001', after: { secret: '身份证号' } }));
    const res = await verify(auditor);
    expect(res.statusCode, res.body).toBe(200);
    const total = Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(res.json()).toEqual({ ok: true, checked: total, chains: expect.any(Number), firstBrokenId: null, chain: null, reason: null, broken: [] });
  });

  it('refuses a county approver', async () => {
    const res = await verify(await tokenFor(t.built, 'duyun.approver'));
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
  });

  it('names the edited entry and its chain, and nothing of its content', async () => {
    const e = await t.db.kysely.selectFrom('audit_log').select(['id', 'chain_key']).where('entity_id', '=', 'http').executeTakeFirstOrThrow();
    await t.db.execScript(`alter table audit_log disable trigger user; update audit_log set actor_name = 'forger' where id = ${e.id}; alter table audit_log enable trigger user;`);
    const res = await verify(auditor);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, firstBrokenId: e.id, chain: e.chain_key, broken: [{ chain: e.chain_key, firstBrokenId: e.id, reason: expect.stringMatching(/edited/) }] });
    expect(res.body).not.toContain('身份证号');
    expect(res.body).not.toContain('forger');
  });
});
