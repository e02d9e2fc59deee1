// The SPDCI API end to end, checked against the vendored spec's schemas (testing.ts): tokens and JWKS, the
// envelope and its error codes, signatures (with a Chinese name), sync and async search, pagination bounds,
// scope and masking, 核对 authorisation, transaction status, callbacks received, the SSRF guard, and the outbox
// delivering after a restart (a new app on the same database).
import crypto, { type JsonWebKey, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { loadConfig } from '../../kernel/config.ts';
import { systemScope } from '../../kernel/scope.ts';
import { buildApp, type BuiltApp } from '../../server/app.ts';
import { testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { createHousehold, newHouseholdSchema } from '../registry/index.ts';
import { recordAuthorization } from '../verification/index.ts';
import { addClient, deliverDue, revokeClient, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './index.ts';
import { signEnvelope, verifyEnvelope } from './signature/envelope.ts';
import { verifyToken } from './service/jwt.ts';
import { DEFAULT_ALGORITHM } from './signature/algorithms.ts';
import { ACK_POINTER, pathPointer, specErrors } from './testing.ts';

type Json = Record<string, unknown>;
const OFFSET_TS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/;

let db: Database;
let app: BuiltApp;
let testApp: BuiltApp;
const keyPair = crypto.generateKeyPairSync('ed25519');
const otherKey = crypto.generateKeyPairSync('ed25519');
const heads = { guanghui: { id: idNumber('1950-03-01', 'male'), name: '韦文峰' }, wenfeng: { id: idNumber('1952-04-01', 'female'), name: '蒙广惠' } };
const child = { id: idNumber('2015-06-01', 'female'), name: '韦小宝' };
const households: Record<string, string> = {};
const secrets: Record<string, string> = {};

const jwksOf = (k: KeyObject, kid: string) => JSON.stringify({ keys: [{ ...k.export({ format: 'jwk' }), kid }] });

async function build(testMode: boolean): Promise<BuiltApp> {
  return buildApp({ db, config: { ...loadConfig({}), demo: true, dciTestMode: testMode } }, { logger: false });
}

async function token(a: BuiltApp, clientId: string, secret: string): Promise<string> {
  const res = await a.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { access_token: string }).access_token;
}

let seq = 0;
function header(action: string, sender: string, over: Json = {}): Json {
  return { version: '1.0.0', message_id: `msg-${++seq}`, message_ts: '2026-12-07T10:00:00+08:00', action, sender_id: sender, total_count: 1, ...over };
}

function searchMessage(criteria: Json, over: Json = {}): Json {
  return { transaction_id: `txn-${++seq}`, search_request: [{ reference_id: `ref-${seq}`, timestamp: '2026-12-07T10:00:00+08:00', search_criteria: criteria, locale: 'zho', ...over }] };
}

function signedBody(h: Json, message: Json, key: KeyObject = keyPair.privateKey, sender = 'yibao.guanghui', kid = 'k1'): Json {
  return { signature: signEnvelope(h, message, { kid, privateKey: key, algorithm: DEFAULT_ALGORITHM }, sender), header: h, message };
}

async function post(a: BuiltApp, path: string, bearerToken: string | null, body: Json) {
  return a.app.inject({ method: 'POST', url: `/dci/sr/registry/${path}`, headers: bearerToken ? { authorization: `Bearer ${bearerToken}` } : {}, payload: body });
}

async function ourJwks(): Promise<JsonWebKey[]> {
  return ((await app.app.inject({ url: '/dci/.well-known/jwks.json' })).json() as { keys: JsonWebKey[] }).keys;
}

beforeAll(async () => {
  db = await testDatabase();
  const scope = systemScope('test');
  households.guanghui = await createHousehold(db, scope, newHouseholdSchema.parse(householdInput('522701001001', [memberInput({ idNumber: heads.guanghui.id, name: heads.guanghui.name, categories: ['serious_illness_disability'] }), memberInput({ idNumber: child.id, name: child.name, relation: 'child' })])));
  households.wenfeng = await createHousehold(db, scope, newHouseholdSchema.parse(householdInput('522701002001', [memberInput({ idNumber: heads.wenfeng.id, name: heads.wenfeng.name })], { hukou: 'rural', address: '文峰路1号' })));
  const add = async (clientId: string, over: Json) => {
    secrets[clientId] = (await addClient(db, scope, { clientId, name: clientId, areaCodes: ['522701001'], attributes: ['name', 'id_number', 'sex', 'age', 'hukou', 'area', 'categories', 'programme', 'relation'], publicKeys: jwksOf(keyPair.publicKey, 'k1'), ...over })).secret;
  };
  await add('yibao.guanghui', { callbackUrls: ['https://10.0.0.5/cb', 'https://127.0.0.1/cb', 'http://93.184.216.34/cb', 'https://localhost/cb'] });
  await add('minzheng.unmasked', { unmasked: ['name', 'id_number'], publicKeys: jwksOf(keyPair.publicKey, 'k1') });
  await add('jiaoyu.narrow', { attributes: ['sex'] });
  await add('revoked.client', {});
  app = await build(false);
  testApp = await build(true);
});

afterAll(async () => {
  await app?.app.close();
  await testApp?.app.close();
  await db?.close();
});

describe('tokens and keys', () => {
  it('issues a short-lived EdDSA token for the client credentials (form, JSON or Basic), verifiable with our JWKS', async () => {
    const form = await app.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `grant_type=client_credentials&client_id=yibao.guanghui&client_secret=${secrets['yibao.guanghui']}` });
    expect(form.statusCode, form.body).toBe(200);
    const t = form.json() as { access_token: string; token_type: string; expires_in: number };
    expect([t.token_type, t.expires_in]).toEqual(['Bearer', 900]);
    const [h, p, s] = t.access_token.split('.') as [string, string, string];
    const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string; kid: string };
    expect(head.alg).toBe('EdDSA');
    const jwk = (await ourJwks()).find((k) => k.kid === head.kid);
    expect(jwk && crypto.verify(null, Buffer.from(`${h}.${p}`), crypto.createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'))).toBe(true);
    const basic = await app.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', headers: { authorization: `Basic ${Buffer.from(`yibao.guanghui:${secrets['yibao.guanghui']}`).toString('base64')}` }, payload: { grant_type: 'client_credentials' } });
    expect(basic.statusCode).toBe(200);
  });

  it.each([
    ['a wrong secret', { grant_type: 'client_credentials', client_id: 'yibao.guanghui', client_secret: 'nope' }, 401, 'invalid_client'],
    ['an unknown client', { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }, 401, 'invalid_client'],
    ['another grant type', { grant_type: 'password', client_id: 'yibao.guanghui', client_secret: 'x' }, 400, 'unsupported_grant_type'],
    ['the test client outside test mode', { grant_type: 'client_credentials', client_id: TEST_CLIENT_ID, client_secret: 'wrong' }, 401, 'invalid_client'],
  ])('refuses %s', async (_what, payload, status, error) => {
    const res = await app.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', payload });
    expect([res.statusCode, (res.json() as { error: string }).error]).toEqual([status, error]);
  });

  it('slows down secret guessing: the 11th failure from one address in 15 minutes is a 429 with Retry-After, even with the right secret', async () => {
    const attempt = (secret: string) => app.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', remoteAddress: '10.9.9.9', payload: { grant_type: 'client_credentials', client_id: 'yibao.guanghui', client_secret: secret } });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}`)).statusCode).toBe(401);
    const res = await attempt(secrets['yibao.guanghui']!);
    expect([res.statusCode, (res.json() as { error: string }).error, Number(res.headers['retry-after']) > 0]).toEqual([429, 'too_many_requests', true]);
  });

  it('publishes only public keys', async () => {
    const keys = await ourJwks();
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys.some((k) => 'd' in k)).toBe(false);
  });

  it('stops a revoked client\'s tokens at once (401 in the spec\'s HttpErrorResponse form)', async () => {
    const t = await token(app, 'revoked.client', secrets['revoked.client']!);
    await revokeClient(db, systemScope('test'), 'revoked.client');
    const res = await post(app, 'sync/search', t, {});
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ errors: [{ code: 'err.request.unauthorized', message: expect.any(String) as string }] });
  });
});

describe('sync search', () => {
  let t: string;
  beforeAll(async () => {
    t = await token(app, 'yibao.guanghui', secrets['yibao.guanghui']!);
  });
  // specValid: whether the request is one the spec's schema accepts (our own refusals may be stricter).
  const search = async (criteria: Json, over: Json = {}, client = 'yibao.guanghui', bearerToken?: string, specValid = true) => {
    const message = searchMessage(criteria, over);
    const h = header('search', client);
    const body = signedBody(h, message, keyPair.privateKey, client);
    expect(specErrors(pathPointer('/registry/sync/search', 'request'), body).length === 0).toBe(specValid);
    const res = await post(app, 'sync/search', bearerToken ?? t, body);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as { signature: string; header: Json; message: { search_response: Json[] } };
    expect(specErrors(pathPointer('/registry/sync/search', 'response'), answer)).toEqual([]);
    return answer;
  };
  const records = (a: { message: { search_response: Json[] } }) => ((a.message.search_response[0]?.data as { reg_records?: Json[] } | undefined)?.reg_records ?? []);

  it('finds a household by 公民身份号码 (UIN): spec-valid, signed by us, China-time timestamps, masked by default', async () => {
    const a = await search({ query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id } });
    expect(verifyEnvelope(a.signature, a.header, a.message, await ourJwks(), 'jiuzhu')).toEqual({ ok: true });
    expect(a.header).toMatchObject({ action: 'on-search', status: 'succ', sender_id: 'jiuzhu', receiver_id: 'yibao.guanghui' });
    expect(a.header.message_ts).toMatch(OFFSET_TS);
    const item = a.message.search_response[0]!;
    expect(item).toMatchObject({ status: 'succ', locale: 'zho', pagination: { page_size: 100, page_number: 1, total_count: 1 } });
    expect(item.timestamp).toMatch(OFFSET_TS);
    expect('error' in a.message).toBe(false);
    const [group] = records(a);
    expect(group).toMatchObject({ '@type': 'Group', group_identifier: [{ identifier_type: 'HOUSEHOLD_ID', identifier_value: households.guanghui }], group_size: 2, place: { area_code: '522701001001' } });
    expect(JSON.stringify(group)).toContain('韦*峰');
    expect(JSON.stringify(group)).not.toContain(heads.guanghui.id);
    expect(JSON.stringify(group)).not.toContain('广惠路12号');
  });

  it('shows a client granted unmasked names and ID numbers in full', async () => {
    const t2 = await token(app, 'minzheng.unmasked', secrets['minzheng.unmasked']!);
    const a = await search({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_ID', value: households.guanghui }, reg_record_type: 'Member' }, {}, 'minzheng.unmasked', t2);
    const text = JSON.stringify(records(a));
    expect(text).toContain(heads.guanghui.id);
    expect(text).toContain('韦小宝');
    expect(records(a)).toHaveLength(2);
  });

  it('answers a household outside the client\'s areas exactly as one that does not exist', async () => {
    const outside = await search({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_ID', value: households.wenfeng } });
    const missing = await search({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_ID', value: `${households.wenfeng!.slice(0, 6)}99999999` } });
    expect(records(outside)).toEqual([]);
    const strip = (x: Json) => ({ ...x, reference_id: '', timestamp: '' });
    expect(strip(outside.message.search_response[0]!)).toEqual(strip(missing.message.search_response[0]!));
  });

  it.each([
    ['predicate: age ≥ 60 in the area', 'predicate', [{ seq_num: 1, expression1: { attribute_name: 'age', operator: 'ge', attribute_value: '60' }, condition: 'and', expression2: { attribute_name: 'area', operator: 'eq', attribute_value: '522701001' } }], 'Member', 1],
    ['predicate: category in', 'predicate', [{ seq_num: 1, expression1: { attribute_name: 'category', operator: 'in', attribute_value: 'serious_illness_disability,three_nos' } }], 'Group', 1],
    ['predicate: not urban', 'predicate', [{ seq_num: 1, expression1: { attribute_name: 'area', operator: 'eq', attribute_value: '522701' }, condition: 'not', expression2: { attribute_name: 'hukou', operator: 'eq', attribute_value: 'urban' } }], 'Group', 0],
    ['expression: members under 18', 'expression', { type: 'expression', value: { expression: { collection: 'Member', query: { $and: [{ age: { $lt: 18 } }, { hukou: { $eq: 'urban' } }] } } } }, 'Member', 1],
    ['expression: a granted programme (none yet)', 'expression', { value: { expression: { query: { programme: { $in: ['dibao', 'hardship'] } } } } }, 'Group', 0],
  ])('%s', async (_what, queryType, query, entity, n) => {
    const a = await search({ query_type: queryType, query, reg_record_type: entity });
    expect(a.message.search_response[0]).toMatchObject({ status: 'succ', pagination: { total_count: n } });
    expect(records(a)).toHaveLength(n);
  });

  it.each([
    ['page_size 0', { page_size: 0, page_number: 1 }, 'rjct.pagination.invalid', 'page_size'],
    ['page_size -1', { page_size: -1 }, 'rjct.pagination.invalid', 'page_size'],
    ['page_size 1001', { page_size: 1001 }, 'rjct.pagination.invalid', 'page_size'],
    ['page_size 1.5', { page_size: 1.5 }, 'rjct.pagination.invalid', 'page_size'],
    ['page_number 0', { page_size: 10, page_number: 0 }, 'rjct.pagination.invalid', 'page_number'],
  ])('rejects pagination with %s', async (what, pagination, code, field) => {
    const a = await search({ query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id }, pagination }, {}, 'yibao.guanghui', undefined, what !== 'page_size 1.5');
    expect(a.message.search_response[0]).toMatchObject({ status: 'rjct', status_reason_code: code });
    expect(a.message.search_response[0]!.status_reason_message).toContain(field);
    expect(a.header.status).toBe('rjct');
  });

  it('pages: page_size 1, page 2 is the second member', async () => {
    const q = { query_type: 'idtype-value', query: { type: 'HOUSEHOLD_ID', value: households.guanghui }, reg_record_type: 'Member' };
    const p1 = await search({ ...q, pagination: { page_size: 1, page_number: 1 } });
    const p2 = await search({ ...q, pagination: { page_size: 1, page_number: 2 } });
    const p3 = await search({ ...q, pagination: { page_size: 1, page_number: 3 } });
    expect([records(p1).length, records(p2).length, records(p3).length]).toEqual([1, 1, 0]);
    expect(JSON.stringify(records(p1))).not.toBe(JSON.stringify(records(p2)));
    expect(p2.message.search_response[0]).toMatchObject({ pagination: { page_size: 1, page_number: 2, total_count: 2 } });
  });

  it.each([
    ['an unknown query type', { query_type: 'graphql', query: {} }, 'rjct.search_criteria.invalid', 'query_type', false],
    ['an unknown id type', { query_type: 'idtype-value', query: { type: 'MOBILE', value: '1' } }, 'rjct.search_criteria.invalid', 'query.type', true],
    ['an unknown attribute', { query_type: 'predicate', query: [{ expression1: { attribute_name: 'income', operator: 'gt', attribute_value: '1' } }] }, 'rjct.search_criteria.invalid', 'income', true],
    ['an age that is not a number', { query_type: 'predicate', query: [{ expression1: { attribute_name: 'age', operator: 'gt', attribute_value: 'old' } }] }, 'rjct.search_criteria.invalid', 'age', true],
    ['a record type other than Group/Member', { query_type: 'idtype-value', query: { type: 'UIN', value: '1' }, reg_record_type: 'Person' }, 'rjct.search_criteria.invalid', 'reg_record_type', true],
    ['an unsortable attribute', { query_type: 'idtype-value', query: { type: 'UIN', value: '1' }, sort: [{ attribute_name: 'name', sort_order: 'asc' }] }, 'rjct.sort.invalid', 'sort.0', true],
  ])('rejects %s with its reason code', async (_what, criteria, code, said, specValid) => {
    const a = await search(criteria, {}, 'yibao.guanghui', undefined, specValid);
    expect(a.message.search_response[0]).toMatchObject({ status: 'rjct', status_reason_code: code });
    expect(a.message.search_response[0]!.status_reason_message).toContain(said);
  });

  it('rejects a 100-character reference_id and a reference_id repeated in one message', async () => {
    const long = await search({ query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id } }, { reference_id: 'r'.repeat(100) });
    expect(long.message.search_response[0]).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.reference_id.invalid' });
    const item = { reference_id: 'same', timestamp: '2026-12-07T10:00:00+08:00', search_criteria: { query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id } } };
    const message = { transaction_id: `txn-${++seq}`, search_request: [item, item] };
    const res = await post(app, 'sync/search', t, signedBody(header('search', 'yibao.guanghui', { total_count: 2 }), message));
    const items = (res.json() as { message: { search_response: Json[] } }).message.search_response;
    expect(items.map((i) => [i.status, i.status_reason_code])).toEqual([['succ', undefined], ['rjct', 'rjct.reference_id.duplicate']]);
  });

  it('rejects an item with a timestamp without offset, and refuses query attributes the client may not see', async () => {
    const a = await search({ query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id } }, { timestamp: '2026-12-07 10:00:00' }, 'yibao.guanghui', undefined, false);
    expect(a.message.search_response[0]).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.timestamp.invalid' });
    const t3 = await token(app, 'jiaoyu.narrow', secrets['jiaoyu.narrow']!);
    const b = await search({ query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id } }, {}, 'jiaoyu.narrow', t3);
    expect(b.message.search_response[0]).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.search_criteria.invalid' });
    expect(b.message.search_response[0]!.status_reason_message).toContain('id_number');
  });

  it('answers a 核对 query only for households with a recorded authorisation (授权书)', async () => {
    const criteria = { query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id }, authorize: { purpose: { code: 'verification', text: '核对' } } };
    expect(records(await search(criteria))).toHaveLength(0);
    await recordAuthorization(db, systemScope('test'), { householdNo: households.guanghui!, signerRole: 'household', signerName: heads.guanghui.name, signerIdNumber: heads.guanghui.id, signedOn: '2026-01-05', noLegalSupporter: false, note: '' });
    expect(records(await search(criteria))).toHaveLength(1);
  });

  it('never answers 5xx, whatever the criteria, query, pagination or sort', async () => {
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 2000 }), fc.constantFrom('522701', '60', 'urban', 'dibao', 'three_nos', heads.guanghui.id, households.guanghui!));
    const expr = fc.record({ attribute_name: fc.constantFrom('area', 'age', 'hukou', 'programme', 'category', 'name'), operator: fc.constantFrom('eq', 'lt', 'gt', 'le', 'ge', 'in', 'xx'), attribute_value: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })) });
    const criteria = fc.record({
      query_type: fc.constantFrom('idtype-value', 'predicate', 'expression'),
      query: fc.oneof(fc.record({ type: fc.constantFrom('UIN', 'HOUSEHOLD_ID', 'X'), value: scalar }), fc.array(fc.record({ seq_num: fc.integer(), expression1: expr, condition: fc.constantFrom('and', 'or', 'not'), expression2: expr }), { maxLength: 3 }), fc.record({ value: fc.record({ expression: fc.record({ query: fc.jsonValue({ maxDepth: 3 }) }) }) })),
      reg_record_type: fc.constantFrom('Group', 'Member', 'Other'),
      pagination: fc.record({ page_size: fc.oneof(fc.integer({ min: -2, max: 1002 }), fc.double()), page_number: fc.integer({ min: -1, max: 3 }) }),
      sort: fc.array(fc.record({ attribute_name: fc.constantFrom('household_no', 'area', 'age', 'x'), sort_order: fc.constantFrom('asc', 'desc', 'up') }), { maxLength: 2 }),
    }, { requiredKeys: ['query_type', 'query'] });
    await fc.assert(fc.asyncProperty(criteria, async (c) => {
      const body = signedBody(header('search', 'yibao.guanghui'), searchMessage(JSON.parse(JSON.stringify(c)) as Json));
      const res = await post(app, 'sync/search', t, body);
      expect(res.statusCode, res.body).toBeLessThan(500);
    }), { numRuns: 60 });
  });

  it('audits every query with the client as actor', async () => {
    const rows = await db.kysely.selectFrom('audit_log').select(['actor_name', 'action']).where('action', '=', 'dci.sync_search').execute();
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.actor_name))).toEqual(new Set(['dci:yibao.guanghui', 'dci:minzheng.unmasked', 'dci:jiaoyu.narrow']));
  });
});

describe('the envelope: error codes and signatures', () => {
  let t: string;
  beforeAll(async () => {
    t = await token(app, 'yibao.guanghui', secrets['yibao.guanghui']!);
  });
  const criteria = { query_type: 'predicate', query: [{ expression1: { attribute_name: 'area', operator: 'eq', attribute_value: '522701001' } }] };
  const refused = async (a: BuiltApp, body: Json, code: string, said: string, bearerToken = t) => {
    const res = await post(a, 'sync/search', bearerToken, body);
    expect(res.statusCode, res.body).toBe(400);
    const answer = res.json() as { message: { ack_status: string; error: { code: string; message: string } } };
    expect(specErrors(ACK_POINTER, answer)).toEqual([]);
    expect(answer.message.ack_status).toBe('ERR');
    expect(answer.message.error.code).toBe(code);
    expect(answer.message.error.message).toContain(said);
  };

  it('verifies a signature over a Chinese name and refuses the same envelope with the name changed', async () => {
    const message = searchMessage({ ...criteria, query: [{ expression1: { attribute_name: 'area', operator: 'eq', attribute_value: '522701001' } }], consent: { purpose: { text: '医疗救助对象核查：韦文峰' } } });
    const body = signedBody(header('search', 'yibao.guanghui'), message);
    expect((await post(app, 'sync/search', t, body)).statusCode).toBe(200);
    const changed = structuredClone(body) as { header: Json; message: { search_request: { search_criteria: { consent: { purpose: { text: string } } } }[] } };
    changed.header.message_id = `msg-${++seq}`;
    changed.message.search_request[0]!.search_criteria.consent.purpose.text = '医疗救助对象核查：韦文锋';
    await refused(app, changed as unknown as Json, 'err.signature.invalid', 'signature');
  });

  it.each([
    ['no signature', (b: Json) => ({ ...b, signature: undefined }), 'err.signature.missing', 'signature'],
    ['another key', (b: Json) => signedBody(b.header as Json, b.message as Json, otherKey.privateKey), 'err.signature.invalid', '签名与报文不符'],
    ['the unsigned stub outside test mode', (b: Json) => ({ ...b, signature: 'unsigned-stub' }), 'err.signature.invalid', 'signature'],
    ['another action', (b: Json) => signedBody({ ...(b.header as Json), action: 'subscribe' }, b.message as Json), 'err.request.bad', 'header.action'],
    ['another sender', (b: Json) => signedBody({ ...(b.header as Json), sender_id: 'minzheng.unmasked' }, b.message as Json, keyPair.privateKey, 'minzheng.unmasked'), 'err.sender_id.invalid', 'header.sender_id'],
    ['version 2.0.0', (b: Json) => signedBody({ ...(b.header as Json), version: '2.0.0' }, b.message as Json), 'err.version.not_supported', 'header.version'],
    ['an encrypted message', (b: Json) => signedBody({ ...(b.header as Json), is_msg_encrypted: true }, b.message as Json), 'err.encryption.invalid', 'is_msg_encrypted'],
    ['message_ts without offset', (b: Json) => signedBody({ ...(b.header as Json), message_ts: '2026-12-07T10:00:00' }, b.message as Json), 'err.request.bad', 'message_ts'],
    ['a 100-character message_id', (b: Json) => signedBody({ ...(b.header as Json), message_id: 'm'.repeat(100) }, b.message as Json), 'err.request.bad', 'message_id'],
    ['a 100-character transaction_id', (b: Json) => signedBody(b.header as Json, { ...(b.message as Json), transaction_id: 't'.repeat(100) }), 'err.request.bad', 'transaction_id'],
    ['total_count not the number of requests', (b: Json) => signedBody({ ...(b.header as Json), total_count: 2 }, b.message as Json), 'err.request.bad', 'total_count'],
    ['no search_request', (b: Json) => signedBody(b.header as Json, { transaction_id: 'x' }), 'err.request.bad', 'search_request'],
  ])('refuses %s with its spec error code and nothing recorded', async (_what, change, code, said) => {
    const before = await db.kysely.selectFrom('dci_transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await refused(app, change(signedBody(header('search', 'yibao.guanghui'), searchMessage(criteria))), code, said);
    const after = await db.kysely.selectFrom('dci_transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a message_id sent twice', async () => {
    const body = signedBody(header('search', 'yibao.guanghui'), searchMessage(criteria));
    expect((await post(app, 'sync/search', t, body)).statusCode).toBe(200);
    await refused(app, body, 'err.request.bad', 'message_id');
  });

  it('answers 401 without a token, and an unknown /dci path as err.request.not_found', async () => {
    const res = await post(app, 'sync/search', null, signedBody(header('search', 'yibao.guanghui'), searchMessage(criteria)));
    expect(res.statusCode).toBe(401);
    expect(specErrors('#/components/responses/HttpErrorResponse/content/application~1json/schema', res.json())).toEqual([]);
    const missing = await app.app.inject({ method: 'POST', url: '/dci/sr/registry/nothing', payload: {} });
    expect([missing.statusCode, (missing.json() as { message: { error: { code: string } } }).message.error.code]).toEqual([404, 'err.request.not_found']);
  });

  it('in test mode accepts the unsigned stubs from the test client, and still refuses any other invalid signature', async () => {
    const tt = await token(testApp, TEST_CLIENT_ID, TEST_CLIENT_SECRET);
    for (const stub of ['unsigned', 'unsigned-stub']) {
      const res = await post(testApp, 'sync/search', tt, { signature: stub, header: header('search', TEST_CLIENT_ID), message: searchMessage(criteria) });
      expect(res.statusCode, res.body).toBe(200);
    }
    await refused(testApp, { signature: 'c2lnbmF0dXJl', header: header('search', TEST_CLIENT_ID), message: searchMessage(criteria) }, 'err.signature.invalid', 'signature', tt);
    const health = (await testApp.app.inject({ url: '/healthz' })).json() as { dciTestMode: boolean };
    expect(health.dciTestMode).toBe(true);
    expect(((await app.app.inject({ url: '/healthz' })).json() as { dciTestMode: boolean }).dciTestMode).toBe(false);
  });
});

describe('async search, callbacks and the outbox', () => {
  const criteria = { query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id } };

  it.each([
    ['a private address', 'https://10.0.0.5/cb', '内网'],
    ['the loopback', 'https://127.0.0.1/cb', '内网'],
    ['a name for the loopback', 'https://localhost/cb', '内网'],
    ['plain http', 'http://93.184.216.34/cb', 'https'],
    ['a URL not on the client\'s list', 'https://93.184.216.34/other', '登记的回调地址'],
  ])('refuses a callback to %s outside test mode, queueing nothing', async (_what, uri, said) => {
    const t = await token(app, 'yibao.guanghui', secrets['yibao.guanghui']!);
    const res = await post(app, 'search', t, signedBody(header('search', 'yibao.guanghui', { sender_uri: uri }), searchMessage(criteria)));
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { message: { error: { code: string; message: string } } }).message.error).toMatchObject({ code: 'err.sender_uri.invalid', message: expect.stringContaining(said) as string });
    expect(await db.kysely.selectFrom('dci_outbox').selectAll().where('url', '=', uri).execute()).toEqual([]);
  });

  it('ACKs at once, and delivers on-search from the outbox after a restart (new app, same database), retrying a failure', async () => {
    const received: Json[] = [];
    let failFirst = true;
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        if (failFirst) {
          failFirst = false;
          res.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(data) as Json);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/on-search`;
    try {
      const first = await build(true);
      const tt = await token(first, TEST_CLIENT_ID, TEST_CLIENT_SECRET);
      const body = { signature: 'unsigned', header: header('search', TEST_CLIENT_ID, { sender_uri: url }), message: searchMessage(criteria) };
      expect(specErrors(pathPointer('/registry/search', 'request'), body)).toEqual([]);
      const res = await post(first, 'search', tt, body);
      expect(res.statusCode, res.body).toBe(200);
      const ackBody = res.json() as { message: { ack_status: string; correlation_id: string; timestamp: string } };
      expect(specErrors(ACK_POINTER, ackBody)).toEqual([]);
      expect(ackBody.message.ack_status).toBe('ACK');
      expect(ackBody.message.timestamp).toMatch(OFFSET_TS);
      expect('error' in ackBody.message).toBe(false);
      await first.app.close();

      const second = await build(true);
      try {
        // The first attempt fails (503): retried later with backoff, not lost.
        expect(await deliverDue(db, { testMode: true })).toBe(0);
        const row = await db.kysely.selectFrom('dci_outbox').selectAll().where('correlation_id', '=', ackBody.message.correlation_id).executeTakeFirstOrThrow();
        expect([row.attempts, row.last_error, row.delivered_at]).toEqual([1, 'HTTP 503', null]);
        expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 5_000);
        await db.kysely.updateTable('dci_outbox').set({ next_attempt_at: new Date(0) }).where('id', '=', row.id).execute();
        expect(await deliverDue(db, { testMode: true })).toBe(1);
        expect(await deliverDue(db, { testMode: true })).toBe(0);
      } finally {
        await second.app.close();
      }
      expect(received).toHaveLength(1);
      const delivered = received[0] as { signature: string; header: Json; message: { correlation_id: string } };
      expect(specErrors(pathPointer('/registry/on-search', 'request'), delivered)).toEqual([]);
      expect(delivered.message.correlation_id).toBe(ackBody.message.correlation_id);
      expect(verifyEnvelope(delivered.signature, delivered.header, delivered.message, await ourJwks(), 'jiuzhu')).toEqual({ ok: true });
    } finally {
      server.close();
    }
  });
});

describe('the outbox and revoked clients', () => {
  it('sends nothing more to a revoked client', async () => {
    await addClient(db, systemScope('test'), { clientId: 'gone.client', name: '已停用', areaCodes: ['522701'], attributes: ['sex'] });
    await revokeClient(db, systemScope('test'), 'gone.client');
    await db.kysely.insertInto('dci_outbox').values({ client_id: 'gone.client', url: 'https://93.184.216.34/cb', action: 'notify', body: '{}', ordering_key: 'k', correlation_id: null }).execute();
    const sent: string[] = [];
    await deliverDue(db, { testMode: false, post: async (url) => (sent.push(url), 200) });
    expect(sent).not.toContain('https://93.184.216.34/cb');
  });
});

describe('async transaction status', () => {
  it('ACKs txn/status and delivers txn/on-status (spec-valid) to the loopback in test mode', async () => {
    const received: Json[] = [];
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(data) as Json);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/on-status`;
      const tt = await token(testApp, TEST_CLIENT_ID, TEST_CLIENT_SECRET);
      const body = { signature: 'unsigned-stub', header: header('txn-status', TEST_CLIENT_ID, { sender_uri: url }), message: { transaction_id: 'st-async', txnstatus_request: { reference_id: 'r-async', txn_type: 'search', attribute_type: 'reference_id_list', attribute_value: ['ref-unknown'] } } };
      expect(specErrors(pathPointer('/registry/txn/status', 'request'), body)).toEqual([]);
      const res = await post(testApp, 'txn/status', tt, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(specErrors(ACK_POINTER, res.json())).toEqual([]);
      expect(await deliverDue(db, { testMode: true })).toBeGreaterThanOrEqual(1);
      const delivered = received.find((r) => (r.header as Json).action === 'txn-on-status');
      expect(delivered).toBeDefined();
      expect(specErrors(pathPointer('/registry/txn/on-status', 'request'), delivered)).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('transaction status', () => {
  it('answers the client\'s own transaction by transaction_id, and another\'s as unknown', async () => {
    const t = await token(app, 'yibao.guanghui', secrets['yibao.guanghui']!);
    const message = searchMessage({ query_type: 'idtype-value', query: { type: 'UIN', value: heads.guanghui.id } });
    const searched = await post(app, 'sync/search', t, signedBody(header('search', 'yibao.guanghui'), message));
    expect(searched.statusCode).toBe(200);
    const status = async (client: string, bearerToken: string, value: unknown) => {
      const body = signedBody(header('txn-status', client), { transaction_id: `st-${++seq}`, txnstatus_request: { reference_id: `r-${seq}`, txn_type: 'search', attribute_type: 'transaction_id', attribute_value: value } }, keyPair.privateKey, client);
      expect(specErrors(pathPointer('/registry/sync/txn/status', 'request'), body)).toEqual([]);
      const res = await post(app, 'sync/txn/status', bearerToken, body);
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json() as { header: Json; message: { txnstatus_response: { txn_status: { search_response: Json[] } } } };
      expect(specErrors(pathPointer('/registry/sync/txn/status', 'response'), answer)).toEqual([]);
      expect(answer.header.action).toBe('txn-on-status');
      return answer.message.txnstatus_response.txn_status;
    };
    const own = await status('yibao.guanghui', t, message.transaction_id);
    expect(own).toMatchObject({ transaction_id: message.transaction_id, search_response: [{ status: 'succ' }] });
    const other = await status('minzheng.unmasked', await token(app, 'minzheng.unmasked', secrets['minzheng.unmasked']!), message.transaction_id);
    expect(other.search_response[0]).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.reference_id.invalid' });
  });
});

describe('subscriber role: callbacks from other registries', () => {
  it.each([
    ['notify', 'notify', { transaction_id: 'n-1', notify_event: [{ reference_id: 'e-1', timestamp: '2026-12-07T10:00:00+08:00', data: { reg_record_type: 'Member', reg_records: { name: '韦文峰', death_date: '2026-12-01' } } }] }, '/registry/notify'],
    ['on-search', 'on-search', { transaction_id: 's-1', correlation_id: 'c-1', search_response: [{ reference_id: 'r-1', timestamp: '2026-12-07T10:00:00+08:00', status: 'succ' }] }, '/registry/on-search'],
  ])('accepts a signed %s from a registered registry (once), and refuses a forged one', async (path, action, message, specPath) => {
    const t = await token(app, 'yibao.guanghui', secrets['yibao.guanghui']!);
    const h = { version: '1.0.0', message_id: `cb-${++seq}`, message_ts: '2026-12-07T10:00:00+08:00', action, status: 'succ', sender_id: 'yibao.guanghui', total_count: 1 };
    const body = signedBody(h, message);
    expect(specErrors(pathPointer(specPath, 'request'), body)).toEqual([]);
    const res = await post(app, path, t, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(specErrors(ACK_POINTER, res.json())).toEqual([]);
    expect((await post(app, path, t, body)).statusCode).toBe(400);
    const forged = await post(app, path, t, signedBody({ ...h, message_id: `cb-${++seq}` }, message, otherKey.privateKey));
    expect((forged.json() as { message: { error: { code: string } } }).message.error.code).toBe('err.signature.invalid');
  });
});

describe('registering clients (the CLI\'s service)', () => {
  const good = { clientId: 'jiaotong.good', name: '交通局', areaCodes: ['522701'], attributes: ['sex'] };
  it.each([
    ['a client id with capitals', { clientId: 'Yibao' }, 'clientId'],
    ['no areas', { areaCodes: [] }, 'areaCodes'],
    ['an unknown area', { areaCodes: ['522799'] }, '522799'],
    ['an unknown attribute', { attributes: ['income'] }, 'attributes'],
    ['unmasked outside the attributes', { unmasked: ['name'] }, 'unmasked'],
    ['a private key in the JWKS', { publicKeys: JSON.stringify({ keys: [{ ...keyPair.privateKey.export({ format: 'jwk' }), kid: 'x' }] }) }, 'publicKeys.keys.0'],
    ['an RSA key', { publicKeys: crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString() }, 'publicKeys.keys.0'],
    ['not a key at all', { publicKeys: 'hello' }, 'publicKeys'],
    ['a callback that is not http(s)', { callbackUrls: ['ftp://a.example/'] }, 'callbackUrls.0'],
    ['an id already registered', { clientId: 'yibao.guanghui' }, '已登记'],
  ])('refuses %s, naming it, registering nothing', async (_what, over, said) => {
    const count = async () => Number((await db.kysely.selectFrom('dci_clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await expect(addClient(db, systemScope('test'), { ...good, ...over })).rejects.toThrow(said);
    expect(await count()).toBe(before);
  });

  it('takes a PEM public key, naming it by its thumbprint, and audits the registration', async () => {
    const pem = keyPair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const { client, secret } = await addClient(db, systemScope('cli'), { ...good, publicKeys: pem });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(client.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string })]);
    const audit = await db.kysely.selectFrom('audit_log').select(['actor_name', 'action']).where('entity_id', '=', 'jiaotong.good').execute();
    expect(audit).toEqual([{ actor_name: 'cli', action: 'dci.client.add' }]);
    const row = await db.kysely.selectFrom('dci_clients').select('secret_hash').where('client_id', '=', 'jiaotong.good').executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(secret);
  });
});

describe('token lifetime', () => {
  it('refuses a token past its 15 minutes, or with its payload changed', async () => {
    const t = await token(app, 'yibao.guanghui', secrets['yibao.guanghui']!);
    expect(await verifyToken(db, t)).toBe('yibao.guanghui');
    expect(await verifyToken(db, t, new Date(Date.now() + 901_000))).toBeNull();
    const [h, p, s] = t.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Json;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'minzheng.unmasked' })).toString('base64url')}.${s}`;
    expect(await verifyToken(db, forged)).toBeNull();
    expect(await verifyToken(db, 'a.b.c')).toBeNull();
  });
});
