// Subscriptions end to end: subscribe (on-subscribe), changes of households in the client's areas become notify
// callbacks (REGISTER, UPDATE, NewHouseHoldMember, DEREGISTER) delivered in order per household — a failed
// delivery holds back the household's later events — other areas' changes never; unsubscribe ends them.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { loadConfig } from '../../kernel/config.ts';
import { systemScope } from '../../kernel/scope.ts';
import { buildApp, type BuiltApp } from '../../server/app.ts';
import { testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, tokenFor } from '../../test/http.ts';
import { createHousehold, newHouseholdSchema } from '../registry/index.ts';
import { addClient, deliverDue, pumpSubscriptions } from './index.ts';
import { eventOf } from './service/subscriptions.ts';
import { signEnvelope } from './signature/envelope.ts';
import { DEFAULT_ALGORITHM } from './signature/algorithms.ts';
import { ACK_POINTER, pathPointer, specErrors } from './testing.ts';

type Json = Record<string, unknown>;
interface Delivered { header: Json; message: Json }

let db: Database;
let app: BuiltApp;
let server: http.Server;
let base = '';
let staff = '';
let client = '';
const received: Delivered[] = [];
let failNext = 0;
const keyPair = crypto.generateKeyPairSync('ed25519');
const households: Record<string, string> = {};
let seq = 0;

function envelope(action: string, message: Json): Json {
  const header = { version: '1.0.0', message_id: `s-${++seq}`, message_ts: '2026-12-07T10:00:00+08:00', action, sender_id: 'yibao.guanghui', sender_uri: `${base}/cb`, total_count: 1 };
  return { signature: signEnvelope(header, message, { kid: 'k1', privateKey: keyPair.privateKey, algorithm: DEFAULT_ALGORITHM }, 'yibao.guanghui'), header, message };
}

async function post(path: string, body: Json) {
  const res = await app.app.inject({ method: 'POST', url: `/dci/sr/registry/${path}`, headers: bearer(client), payload: body });
  expect(res.statusCode, res.body).toBe(200);
  expect(specErrors(ACK_POINTER, res.json())).toEqual([]);
  return res.json() as { message: { correlation_id: string } };
}

async function flush(): Promise<void> {
  await pumpSubscriptions(db);
  for (let i = 0; i < 10 && (await deliverDue(db, { testMode: true })) > 0; i++);
}

const notified = () => received.filter((r) => r.header.action === 'notify').map((r) => {
  const e = (r.message.notify_event as { data: { reg_event_type: string; reg_records: Json } }[])[0]!;
  return { event: e.data.reg_event_type, household: JSON.stringify(e.data.reg_records).match(/"identifier_type":"HOUSEHOLD_ID","identifier_value":"(\d+)"/)?.[1] };
});

beforeAll(async () => {
  db = await testDatabase();
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end();
        return;
      }
      received.push(JSON.parse(data) as Delivered);
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const scope = systemScope('test');
  households.guanghui = await createHousehold(db, scope, newHouseholdSchema.parse(householdInput('522701001001', [memberInput({ idNumber: idNumber('1950-01-01'), name: '韦文峰' })])));
  households.wenfeng = await createHousehold(db, scope, newHouseholdSchema.parse(householdInput('522701002001', [memberInput({ idNumber: idNumber('1951-01-01'), name: '蒙广惠' })])));
  const { secret } = await addClient(db, scope, {
    clientId: 'yibao.guanghui', name: '广惠医保', areaCodes: ['522701001'], attributes: ['name', 'sex', 'area', 'relation'],
    publicKeys: JSON.stringify({ keys: [{ ...keyPair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] }), callbackUrls: [`${base}/`],
  });
  // Test mode: http callbacks to this machine (the client's own list still applies).
  app = await buildApp({ db, config: { ...loadConfig({}), demo: true, dciTestMode: true } }, { logger: false });
  staff = await tokenFor(app, 'duyun.approver');
  const t = await app.app.inject({ method: 'POST', url: '/dci/oauth2/client/token', payload: { grant_type: 'client_credentials', client_id: 'yibao.guanghui', client_secret: secret } });
  client = (t.json() as { access_token: string }).access_token;
});

afterAll(async () => {
  await app?.app.close();
  server?.close();
  await db?.close();
});

const criteria = (eventType: string, recordType = 'Group') => ({ reg_event_type: eventType, filter_type: 'predicate', filter: [{ seq_num: 1, expression1: { attribute_name: 'area', operator: 'eq', attribute_value: '522701' } }], notify_record_type: recordType });
const codes: Record<string, string> = {};

describe('subscriptions', () => {
  it('subscribes (spec-valid request and on-subscribe) to UPDATE, REGISTER, NewHouseHoldMember and DEREGISTER', async () => {
    const message = {
      transaction_id: 'sub-1',
      subscribe_request: ['UPDATE', 'REGISTER', 'spdci:common:RegistryEventType:NewHouseHoldMember', 'DEREGISTER'].map((t, i) => ({ reference_id: `r${i}`, timestamp: '2026-12-07T10:00:00+08:00', subscribe_criteria: criteria(t, t.endsWith('Member') ? 'Member' : 'Group'), locale: 'zho' })),
    };
    const body = envelope('subscribe', message);
    (body.header as Json).total_count = 4;
    body.signature = signEnvelope(body.header, message, { kid: 'k1', privateKey: keyPair.privateKey, algorithm: DEFAULT_ALGORITHM }, 'yibao.guanghui');
    expect(specErrors(pathPointer('/registry/subscribe', 'request'), body)).toEqual([]);
    await post('subscribe', body);
    await flush();
    const on = received.find((r) => r.header.action === 'on-subscribe');
    expect(on).toBeDefined();
    expect(specErrors(pathPointer('/registry/on-subscribe', 'request'), on)).toEqual([]);
    const subs = (on!.message.subscribe_response as { status: string; subscriptions: { code: string; reg_event_type: string }[] }[]);
    expect(subs.map((s) => s.status)).toEqual(['succ', 'succ', 'succ', 'succ']);
    for (const s of subs) codes[s.subscriptions[0]!.reg_event_type] = s.subscriptions[0]!.code;
  });

  it('rejects an unknown event type or record type item by item', async () => {
    received.length = 0;
    const message = { transaction_id: 'sub-2', subscribe_request: [{ reference_id: 'x', timestamp: '2026-12-07T10:00:00+08:00', subscribe_criteria: { ...criteria('BIRTH') } }] };
    await post('subscribe', envelope('subscribe', message));
    await flush();
    const on = received.find((r) => r.header.action === 'on-subscribe')!;
    expect((on.message.subscribe_response as Json[])[0]).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.notify_types.invalid' });
  });

  it('notifies changes in the client\'s areas only, in order per household, holding later events back while one fails', async () => {
    received.length = 0;
    const patch = (no: string, address: string) => app.app.inject({ method: 'PATCH', url: `/api/v1/households/${no}`, headers: bearer(staff), payload: { address } });
    expect((await patch(households.guanghui!, '广惠路1号')).statusCode).toBe(204);
    expect((await patch(households.wenfeng!, '文峰路9号')).statusCode).toBe(204);
    const added = await app.app.inject({ method: 'POST', url: `/api/v1/households/${households.guanghui}/members`, headers: bearer(staff), payload: memberInput({ relation: 'child', name: '韦小宝', idNumber: idNumber('2016-01-01') }) });
    expect(added.statusCode, added.body).toBe(204);
    // Events of two subscriptions (UPDATE, NewHouseHoldMember) interleave: the household's order is the history's.
    expect((await patch(households.guanghui!, '广惠路2号')).statusCode).toBe(204);
    const created = await app.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(staff), payload: householdInput('522701001001', [memberInput({ name: '罗新户' })]) });
    expect(created.statusCode, created.body).toBe(201);
    expect(await pumpSubscriptions(db)).toBe(4);
    expect(await pumpSubscriptions(db)).toBe(0);
    failNext = 1;
    // The household's first UPDATE fails: its later events wait; the new household's REGISTER goes.
    await deliverDue(db, { testMode: true });
    expect(notified().map((n) => n.event)).toEqual(['REGISTER']);
    await db.kysely.updateTable('dci_outbox').set({ next_attempt_at: new Date(0) }).where('delivered_at', 'is', null).execute();
    for (let i = 0; i < 5; i++) await deliverDue(db, { testMode: true });
    const events = notified();
    expect(events.filter((e) => e.household === households.guanghui).map((e) => e.event)).toEqual(['UPDATE', 'NewHouseHoldMember', 'UPDATE']);
    expect(events.some((e) => e.household === households.wenfeng)).toBe(false);
    expect(JSON.stringify(received)).not.toContain('文峰路9号');
    // Masked by default: the name shows as 韦*峰; the address is not among the client's attributes.
    expect(JSON.stringify(received)).toContain('韦*峰');
    expect(JSON.stringify(received)).not.toContain('广惠路2号');
    const register = received.find((r) => (r.message.notify_event as { data: { reg_event_type: string } }[])[0]!.data.reg_event_type === 'REGISTER')!;
    expect(specErrors(pathPointer('/registry/notify', 'request'), register)).toEqual([]);
    // The spec's NotifyEventRequest lists only REGISTER and NewHouseHoldMember: UPDATE is outside its enum and nothing else.
    const update = received.find((r) => (r.message.notify_event as { data: { reg_event_type: string } }[])[0]!.data.reg_event_type === 'UPDATE')!;
    expect(specErrors(pathPointer('/registry/notify', 'request'), update).filter((e) => !e.includes('reg_event_type') && !e.includes('oneOf') && !e.includes('/message required'))).toEqual([]);
  });

  it.each([
    ['household.create', 1, 'REGISTER'],
    ['household.import', 3, 'REGISTER'],
    ['member.add', 2, 'NewHouseHoldMember'],
    ['member.move_in', 2, 'NewHouseHoldMember'],
    ['household.update', 1, 'UPDATE'],
    ['member.remove', 1, 'UPDATE'],
    ['member.remove', 0, 'DEREGISTER'],
    ['member.move_out', 0, 'DEREGISTER'],
    ['household.transfer_out', 2, 'DEREGISTER'],
  ])('reads history action %s (members left: %i) as %s', (action, members, event) => {
    expect(eventOf(action, members)).toBe(event);
  });

  it('unsubscribes (on-unsubscribe), after which changes are not notified; unknown codes are refused whole', async () => {
    received.length = 0;
    await post('unsubscribe', envelope('unsubscribe', { transaction_id: 'u-1', timestamp: '2026-12-07T10:00:00+08:00', subscription_codes: [codes.UPDATE!, 'nope'] }));
    await post('unsubscribe', envelope('unsubscribe', { transaction_id: 'u-2', timestamp: '2026-12-07T10:00:00+08:00', subscription_codes: [codes.UPDATE!] }));
    await flush();
    const answers = received.filter((r) => r.header.action === 'on-unsubscribe');
    for (const a of answers) expect(specErrors(pathPointer('/registry/on-unsubscribe', 'request'), a)).toEqual([]);
    expect(answers.map((a) => a.message.status)).toEqual(['rjct', 'succ']);
    expect(answers[0]!.message.status_reason_code).toBe('rjct.subscription_code.invalid');
    received.length = 0;
    expect((await app.app.inject({ method: 'PATCH', url: `/api/v1/households/${households.guanghui}`, headers: bearer(staff), payload: { address: '广惠路3号' } })).statusCode).toBe(204);
    await flush();
    expect(notified()).toEqual([]);
  });
});
