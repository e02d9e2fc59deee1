// The connected systems managed from the web (/api/v1/dci/clients): an administrator registers a client (the secret
// answered once works at the token endpoint), sees its searches and subscriptions, and revokes it (its tokens are
// refused at once); a county's administrator sees and changes only clients of the county; bad input names the
// field and changes nothing; every change is audited in the area of the client.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { systemScope } from '../../kernel/scope.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { createHousehold, newHouseholdSchema } from '../registry/index.ts';
import { addClient, DEFAULT_ALGORITHM, signEnvelope } from './index.ts';
import type { ClientList, RegisteredClient, SubscriptionList, TransactionList } from './contract.ts';

const t = useTestApp();
const pair = crypto.generateKeyPairSync('ed25519');
const pem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const CALLBACK = 'https://93.184.216.34/cb';
const head = { id: idNumber('1956-05-05', 'male'), name: '韦对外' };

const api = async (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(await tokenFor(t.built, user)), ...(payload ? { payload } : {}) });

const tokenRes = (clientId: string, secret: string) =>
  t.built.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret } });

let seq = 0;
function signed(clientId: string, action: string, message: object, extra: object = {}) {
  const header = { version: '1.0.0', message_id: `adm-${++seq}`, message_ts: '2026-12-07T10:00:00+08:00', action, sender_id: clientId, total_count: 1, ...extra };
  return { signature: signEnvelope(header, message, { kid: 'k1', privateKey: pair.privateKey, algorithm: DEFAULT_ALGORITHM }, clientId), header, message };
}

const counts = async () => ({
  clients: Number((await t.db.kysely.selectFrom('dci_clients').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  audit: Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', 'like', 'dci.%').executeTakeFirstOrThrow()).n),
});

const newClient = (over: object = {}) => ({
  clientId: 'yibao.guanghui', name: '都匀市医保局', areaCodes: ['522701001'], attributes: ['name', 'id_number', 'sex', 'age', 'area'], unmasked: ['id_number'],
  callbackUrls: [CALLBACK], publicKeys: JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] }), ...over,
});

describe('connected systems from the web', () => {
  let secret = '';

  it('registers a client for an administrator: the secret once, in the answer only; it gets a token with it', async () => {
    const res = await api('duyun.approver', 'POST', '/dci/clients', newClient());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as RegisteredClient;
    secret = body.secret;
    expect(secret.length).toBeGreaterThan(30);
    expect(body.client).toMatchObject({ clientId: 'yibao.guanghui', areas: [{ code: '522701001', name: '广惠街道' }], unmasked: ['id_number'], state: 'active', lastQueryAt: null, queries30d: 0 });
    expect(body.client.keys).toEqual([{ kid: 'k1', thumbprint: expect.stringMatching(/^[\w-]{43}$/) as string }]);
    const list = await api('duyun.approver', 'GET', '/dci/clients');
    expect(list.body.includes(secret)).toBe(false);
    expect((list.json() as ClientList).items.map((c) => c.clientId)).toContain('yibao.guanghui');
    expect((await tokenRes('yibao.guanghui', secret)).statusCode).toBe(200);
    expect((await tokenRes('yibao.guanghui', 'not-the-secret')).statusCode).toBe(401);
  });

  it('audits the registration in the client\'s area: the county administrator reads it in the audit log', async () => {
    const row = await t.db.kysely.selectFrom('audit_log').select(['actor_name', 'area_code', 'after']).where('action', '=', 'dci.client.add').where('entity_id', '=', 'yibao.guanghui').executeTakeFirstOrThrow();
    expect([row.actor_name, row.area_code]).toEqual(['duyun.approver', '522701001']);
    expect(JSON.stringify(row.after).includes(secret)).toBe(false);
    const audit = await api('duyun.approver', 'GET', '/audit?limit=50');
    expect(audit.body).toContain('dci.client.add');
  });

  it('lists its searches (records answered) and subscriptions, and counts its queries of the last 30 days', async () => {
    await createHousehold(t.db, systemScope('test'), newHouseholdSchema.parse(householdInput('522701001001', [memberInput({ idNumber: head.id, name: head.name })])));
    const token = ((await tokenRes('yibao.guanghui', secret)).json() as { access_token: string }).access_token;
    const search = signed('yibao.guanghui', 'search', { transaction_id: 'adm-txn-1', search_request: [{ reference_id: 'r1', timestamp: '2026-12-07T10:00:00+08:00', search_criteria: { query_type: 'idtype-value', query: { type: 'UIN', value: head.id }, reg_record_type: 'Member' } }] });
    const s = await t.built.app.inject({ method: 'POST', url: '/dci/sr/registry/sync/search', headers: bearer(token), payload: search });
    expect(s.statusCode, s.body).toBe(200);
    const subscribe = signed('yibao.guanghui', 'subscribe', { transaction_id: 'adm-sub-1', subscribe_request: [{ reference_id: 'r2', timestamp: '2026-12-07T10:00:00+08:00', subscribe_criteria: { reg_event_type: 'UPDATE', filter_type: 'predicate', filter: [{ expression1: { attribute_name: 'area', operator: 'eq', attribute_value: '522701001' } }], notify_record_type: 'Group' } }] }, { sender_uri: CALLBACK });
    const sub = await t.built.app.inject({ method: 'POST', url: '/dci/sr/registry/subscribe', headers: bearer(token), payload: subscribe });
    expect(sub.statusCode, sub.body).toBe(200);

    const txns = (await api('qiannan.admin', 'GET', '/dci/clients/yibao.guanghui/transactions')).json() as TransactionList;
    expect(txns.items.map((x) => [x.action, x.transactionId, x.records, x.status])).toEqual([['subscribe', 'adm-sub-1', null, 'succ'], ['search', 'adm-txn-1', 1, 'succ']]);
    const subs = (await api('qiannan.admin', 'GET', '/dci/clients/yibao.guanghui/subscriptions')).json() as SubscriptionList;
    expect(subs.items.map((x) => [x.eventType, x.recordType, x.callbackUrl, x.status])).toEqual([['UPDATE', 'Group', CALLBACK, 'subscribe']]);
    const client = ((await api('qiannan.admin', 'GET', '/dci/clients')).json() as ClientList).items.find((c) => c.clientId === 'yibao.guanghui');
    expect(client?.queries30d).toBe(1);
    expect(client?.lastQueryAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('shows a county administrator only clients whose areas all lie in the county; others answer as absent', async () => {
    await addClient(t.db, systemScope('test'), { clientId: 'yibao.fuquan', name: '福泉市医保局', areaCodes: ['522702'], attributes: ['sex'] });
    await addClient(t.db, systemScope('test'), { clientId: 'yibao.two', name: '两县医保', areaCodes: ['522701', '522702'], attributes: ['sex'] });
    const mine = ((await api('duyun.approver', 'GET', '/dci/clients')).json() as ClientList).items.map((c) => c.clientId);
    expect(mine).toEqual(['yibao.guanghui']);
    const all = ((await api('qiannan.admin', 'GET', '/dci/clients')).json() as ClientList).items;
    expect(all.map((c) => c.clientId).sort()).toEqual(['yibao.fuquan', 'yibao.guanghui', 'yibao.two']);
    expect(all.find((c) => c.clientId === 'yibao.two')?.areas.map((a) => a.name)).toEqual(['都匀市', '福泉市']);
    for (const id of ['yibao.fuquan', 'yibao.two']) {
      const outside = await api('duyun.approver', 'GET', `/dci/clients/${id}/transactions`);
      const missing = await api('duyun.approver', 'GET', '/dci/clients/nobody.here/transactions');
      expect([outside.statusCode, errorOf(outside).code, missing.statusCode]).toEqual([404, 'dci_client_unknown', 404]);
      expect((await api('duyun.approver', 'POST', `/dci/clients/${id}/revoke`)).statusCode).toBe(404);
      expect((await api('duyun.approver', 'GET', `/dci/clients/${id}/subscriptions`)).statusCode).toBe(404);
    }
    expect(await t.db.kysely.selectFrom('dci_clients').select('client_id').where('revoked_at', 'is not', null).execute()).toEqual([]);
  });

  it('refuses staff who are not administrators', async () => {
    for (const user of ['guanghui.caseworker', 'qiannan.auditor', 'duyun.medical']) {
      expect((await api(user, 'GET', '/dci/clients')).statusCode, user).toBe(403);
      expect((await api(user, 'POST', '/dci/clients', newClient({ clientId: 'not.allowed' }))).statusCode, user).toBe(403);
    }
  });

  it.each([
    ['an area outside the county', { clientId: 'x.outside', areaCodes: ['522702'] }, 'areaCodes'],
    ['an unknown area', { clientId: 'x.unknown', areaCodes: ['522701999'] }, 'areaCodes'],
    ['an unmasked attribute not granted', { clientId: 'x.unmasked', unmasked: ['phone'] }, 'unmasked'],
    ['an unknown attribute', { clientId: 'x.attr', attributes: ['salary'] }, 'attributes.0'],
    ['a bad client id', { clientId: 'X' }, 'clientId'],
    ['a private key', { clientId: 'x.private', publicKeys: JSON.stringify({ keys: [pair.privateKey.export({ format: 'jwk' })] }) }, 'publicKeys.keys.0'],
    ['an unreadable key', { clientId: 'x.pem', publicKeys: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----' }, 'publicKeys'],
    ['a callback that is no URL', { clientId: 'x.cb', callbackUrls: ['not a url'] }, 'callbackUrls.0'],
    ['an id already registered', { clientId: 'yibao.guanghui' }, null],
  ])('refuses %s, naming the field, and changes nothing', async (_what, over, field) => {
    const before = await counts();
    const res = await api('duyun.approver', 'POST', '/dci/clients', newClient(over));
    if (field === null) expect([res.statusCode, errorOf(res).code]).toEqual([409, 'dci_client_exists']);
    else {
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).details.fields?.map((f) => f.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('registers with a PEM key too, and revokes: the token endpoint refuses it and its live token stops at once', async () => {
    const res = await api('qiannan.admin', 'POST', '/dci/clients', newClient({ clientId: 'jiaoyu.qiannan', areaCodes: ['522701', '522702'], publicKeys: pem }));
    expect(res.statusCode, res.body).toBe(201);
    const { secret: own } = res.json() as RegisteredClient;
    const token = ((await tokenRes('jiaoyu.qiannan', own)).json() as { access_token: string }).access_token;
    const revoked = await api('qiannan.admin', 'POST', '/dci/clients/jiaoyu.qiannan/revoke');
    expect([revoked.statusCode, (revoked.json() as { client: { state: string } }).client.state]).toEqual([200, 'revoked']);
    expect((await tokenRes('jiaoyu.qiannan', own)).statusCode).toBe(401);
    const search = await t.built.app.inject({ method: 'POST', url: '/dci/sr/registry/sync/search', headers: bearer(token), payload: {} });
    expect(search.statusCode).toBe(401);
    const again = await api('qiannan.admin', 'POST', '/dci/clients/jiaoyu.qiannan/revoke');
    expect([again.statusCode, errorOf(again).code]).toEqual([404, 'dci_client_unknown']);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['actor_name', 'area_code']).where('action', '=', 'dci.client.revoke').where('entity_id', '=', 'jiaoyu.qiannan').execute();
    expect(audit).toEqual([{ actor_name: 'qiannan.admin', area_code: '522700' }]);
  });
});
