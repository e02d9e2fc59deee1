// Subscriptions (registry role): `subscribe` records what a client follows — an event type (REGISTER, UPDATE,
// DEREGISTER, NewHouseHoldMember), a filter (any query of query.ts) and a record type — from the current end of
// the change feed; `unsubscribe` ends them. `pumpSubscriptions` turns new changes of households in the client's
// areas that match the filter into `notify` callbacks in the outbox, keyed by household so that a household's
// events are delivered in order; the cursor moves in the same transaction.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { clock } from '../../../kernel/clock.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import type { RequestEnvelope } from '../schemas.ts';
import { LOCALE, locale, timestamp } from '../schemas.ts';
import * as outbox from '../repo/outbox.ts';
import * as repo from '../repo/subscriptions.ts';
import { householdsOf } from '../repo/search.ts';
import * as txns from '../repo/transactions.ts';
import { chinaTimestamp } from '../time.ts';
import { senderUri } from './callback-url.ts';
import { activeClient, type DciClient } from './clients.ts';
import { ack, callbackHeader, newId, signed } from './messages.ts';
import { attributesUsed, parseQuery, QueryError, type Condition } from './query.ts';
import { checkEnvelope, specError } from './receive.ts';
import { groupRecord, memberRecord, type View } from './records.ts';
import { clientScope } from './registry.ts';
import { REG_TYPE } from './search.ts';
import { AppError } from '../../../kernel/errors.ts';

export const EVENT_TYPES = ['REGISTER', 'UPDATE', 'DEREGISTER', 'NewHouseHoldMember'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const DEREGISTERING: ReadonlySet<string> = new Set(['household.delete', 'household.deregister', 'household.transfer_out']);

/**
 * The event a registry_history action is, for a household with `membersNow` members after it. The registry
 * today neither deletes households nor lets one lose its last member, so DEREGISTER comes from those actions
 * (and an emptied household) once the registry records them.
 */
export function eventOf(action: string, membersNow: number): EventType {
  if (action === 'household.create' || action === 'household.import' || action === 'household.demo') return 'REGISTER';
  if (action === 'member.add' || action === 'member.move_in') return 'NewHouseHoldMember';
  if (DEREGISTERING.has(action) || ((action === 'member.remove' || action === 'member.move_out') && membersNow === 0)) return 'DEREGISTER';
  return 'UPDATE';
}

/** `REGISTER` or a namespaced `spdci:common:RegistryEventType:REGISTER`. */
function eventTypeOf(v: unknown): EventType | null {
  if (typeof v !== 'string') return null;
  const last = v.slice(v.lastIndexOf(':') + 1);
  return (EVENT_TYPES as readonly string[]).includes(last) ? (last as EventType) : null;
}

const subscribeSchema = z.looseObject({
  transaction_id: z.string().min(1).max(99),
  subscribe_request: z.array(z.looseObject({
    reference_id: z.string().min(1).max(99),
    timestamp,
    subscribe_criteria: z.looseObject({ reg_event_type: z.string().max(100), filter_type: z.string().max(20).optional(), filter: z.unknown(), notify_record_type: z.string().max(100) }),
    locale: locale.optional(),
  })).min(1).max(20),
});

const unsubscribeSchema = z.looseObject({
  transaction_id: z.string().min(1).max(99),
  timestamp,
  subscription_codes: z.array(z.string().min(1).max(99)).min(1).max(100),
});


function filterOf(criteria: { filter_type?: string | undefined; filter: unknown }): Condition {
  const type = criteria.filter_type ?? (Array.isArray(criteria.filter) ? 'predicate' : 'idtype-value');
  return parseQuery(type, criteria.filter);
}

export async function subscribe(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean) {
  checkEnvelope(client, body, ['subscribe'], testMode);
  const m = parseOrThrow(subscribeSchema, body.message, 'message');
  if (body.header.total_count !== m.subscribe_request.length) throw specError('err.request.bad', `header.total_count: 应为报文中的请求数 ${m.subscribe_request.length}`);
  const url = await senderUri(client, body.header, testMode);
  const correlationId = newId();
  const now = chinaTimestamp(clock().now());
  const cursor = await repo.lastHistoryId(db.kysely);
  const made: { code: string; eventType: EventType; recordType: string; filter: Condition }[] = [];
  const responses = m.subscribe_request.map((r, i) => {
    const c = r.subscribe_criteria;
    const eventType = eventTypeOf(c.reg_event_type);
    const reject = (code: string, message: string) => ({ reference_id: r.reference_id, timestamp: now, status: 'rjct', status_reason_code: code, status_reason_message: message, locale: LOCALE });
    if (!eventType) return reject('rjct.notify_types.invalid', `subscribe_request.${i}.subscribe_criteria.reg_event_type: 应为 ${EVENT_TYPES.join('、')}`);
    if (c.notify_record_type !== 'Group' && c.notify_record_type !== 'Member') return reject('rjct.notify_details.invalid', `subscribe_request.${i}.subscribe_criteria.notify_record_type: 应为 Group 或 Member`);
    let filter: Condition;
    try {
      filter = filterOf(c);
    } catch (e) {
      if (e instanceof QueryError) return reject('rjct.notify_details.invalid', `subscribe_request.${i}.subscribe_criteria.filter: ${e.message}`);
      throw e;
    }
    const denied = [...attributesUsed(filter)].filter((a) => !client.attributes.includes(a));
    if (denied.length > 0) return reject('rjct.notify_details.invalid', `无权按这些属性订阅：${denied.join('、')}`);
    const code = newId();
    made.push({ code, eventType, recordType: c.notify_record_type, filter });
    return { reference_id: r.reference_id, timestamp: now, status: 'succ', subscriptions: [{ version: '1.0.0', code, status: 'subscribe', timestamp: now, reg_type: REG_TYPE, reg_event_type: eventType, filter_type: c.filter_type ?? (Array.isArray(c.filter) ? 'predicate' : 'idtype-value'), filter: c.filter, notify_record_type: c.notify_record_type, locale: LOCALE }], locale: LOCALE };
  });
  const message = { transaction_id: m.transaction_id, correlation_id: correlationId, subscribe_response: responses };
  const envelope = await signed(db, callbackHeader('on-subscribe', client.clientId, { total: responses.length, completed: responses.length }), message);
  await write(db, clientScope(client), async (tx) => {
    if (!(await txns.insertTransaction(tx, { correlation_id: correlationId, client_id: client.clientId, message_id: body.header.message_id, transaction_id: m.transaction_id, action: 'subscribe', reference_ids: m.subscribe_request.map((r) => r.reference_id), status: 'succ', response: null }))) {
      throw specError('err.request.bad', `header.message_id: ${body.header.message_id} 已收到过（重复报文）`);
    }
    for (const s of made) await repo.insertSubscription(tx, { code: s.code, client_id: client.clientId, reg_event_type: s.eventType, filter: JSON.stringify(s.filter), notify_record_type: s.recordType, callback_url: url, cursor_id: cursor, status: 'subscribe' });
    await outbox.enqueue(tx, { client_id: client.clientId, url, action: 'on-subscribe', body: JSON.stringify(envelope), ordering_key: `txn:${correlationId}`, correlation_id: correlationId });
    await appendAudit(tx, clientScope(client), { action: 'dci.subscribe', entity: 'dci_transaction', entityId: correlationId, after: { transactionId: m.transaction_id, subscriptions: made.map((s) => ({ code: s.code, eventType: s.eventType, recordType: s.recordType })), rejected: responses.length - made.length, callback: url } });
  });
  return ack(correlationId);
}

export async function unsubscribe(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean) {
  checkEnvelope(client, body, ['unsubscribe'], testMode);
  const m = parseOrThrow(unsubscribeSchema, body.message, 'message');
  if (body.header.total_count !== 1) throw specError('err.request.bad', 'header.total_count: 应为 1');
  const url = await senderUri(client, body.header, testMode);
  const correlationId = newId();
  const own = await repo.subscriptionsOf(db.kysely, client.clientId, m.subscription_codes);
  const active = own.filter((s) => s.status === 'subscribe').map((s) => s.code);
  const unknown = m.subscription_codes.filter((c) => !own.some((s) => s.code === c));
  const already = own.filter((s) => s.status === 'unsubscribe').map((s) => s.code);
  const now = chinaTimestamp(clock().now());
  // All or nothing: another client's code is as unknown as one that never was.
  const message = unknown.length > 0 || already.length > 0
    ? { transaction_id: m.transaction_id, correlation_id: correlationId, timestamp: now, status: 'rjct', status_reason_code: unknown.length > 0 ? 'rjct.subscription_code.invalid' : 'rjct.event.already_unsubscribed', status_reason_message: unknown.length > 0 ? `没有这些订阅：${unknown.join('、')}` : `已退订：${already.join('、')}` }
    : { transaction_id: m.transaction_id, correlation_id: correlationId, timestamp: now, status: 'succ', subscription_status: active.map((code) => ({ code, status: 'unsubscribe' })) };
  const envelope = await signed(db, callbackHeader('on-unsubscribe', client.clientId, { total: 1, completed: 1 }, message.status === 'succ' ? 'succ' : 'rjct'), message);
  await write(db, clientScope(client), async (tx) => {
    if (!(await txns.insertTransaction(tx, { correlation_id: correlationId, client_id: client.clientId, message_id: body.header.message_id, transaction_id: m.transaction_id, action: 'unsubscribe', reference_ids: [], status: message.status === 'succ' ? 'succ' : 'rjct', response: JSON.stringify(message) }))) {
      throw specError('err.request.bad', `header.message_id: ${body.header.message_id} 已收到过（重复报文）`);
    }
    if (message.status === 'succ') await repo.unsubscribe(tx, client.clientId, active, clock().now());
    await outbox.enqueue(tx, { client_id: client.clientId, url, action: 'on-unsubscribe', body: JSON.stringify(envelope), ordering_key: `txn:${correlationId}`, correlation_id: correlationId });
    await appendAudit(tx, clientScope(client), { action: 'dci.unsubscribe', entity: 'dci_transaction', entityId: correlationId, after: { codes: m.subscription_codes, status: message.status } });
  });
  return ack(correlationId);
}

/**
 * One pass over every active subscription: new matching changes become notify callbacks. A client's
 * subscriptions share one window of the history and their notices are queued in history order, so each household's
 * events reach the client in the order they happened (the outbox sends one key's rows strictly in order).
 * Returns how many were queued.
 */
export async function pumpSubscriptions(db: Database, opts: { batch?: number } = {}): Promise<number> {
  let queued = 0;
  const today = clock().today();
  const byClient = new Map<string, Awaited<ReturnType<typeof repo.activeSubscriptions>>>();
  for (const s of await repo.activeSubscriptions(db.kysely)) byClient.set(s.client_id, [...(byClient.get(s.client_id) ?? []), s]);
  for (const [clientId, subs] of byClient) {
    const client = await activeClient(db, clientId);
    if (!client) continue;
    const last = await repo.windowEnd(db.kysely, Math.min(...subs.map((s) => Number(s.cursor_id))), opts.batch ?? 500);
    const found = [];
    for (const [order, s] of subs.entries()) {
      const rows = await repo.changesSince(db.kysely, { cursor: Number(s.cursor_id), last, areaCodes: client.areaCodes, condition: s.filter as Condition, today });
      for (const r of rows) {
        const event = eventOf(r.action, r.members_now);
        if (event === s.reg_event_type) found.push({ ...r, event, s, order });
      }
    }
    found.sort((a, b) => a.id - b.id || a.order - b.order);
    const households = await householdsOf(db.kysely, [...new Map(found.map((e) => [`${e.county_code}:${e.household_id}`, { county_code: e.county_code, household_id: e.household_id }])).values()]);
    const view: View = { attributes: new Set(client.attributes), unmasked: new Set(client.unmasked), today };
    const notices: { key: string; code: string; url: string; historyId: number; envelope: Awaited<ReturnType<typeof signed>> }[] = [];
    for (const e of found) {
      const h = households.find((x) => x.county_code === e.county_code && x.id === e.household_id);
      if (!h) continue;
      const member = h.members.find((m) => m.id_number === e.subject) ?? h.members.find((m) => m.relation === 'head') ?? h.members[0];
      const record = e.s.notify_record_type === 'Member' ? (member ? memberRecord(member, h, view) : null) : groupRecord(h, view);
      if (!record) continue;
      const message = {
        transaction_id: e.s.code,
        notify_event: [{ reference_id: `${e.s.code}:${e.id}`, timestamp: chinaTimestamp(e.at), data: { version: '1.0.0', reg_type: REG_TYPE, reg_event_type: e.event, reg_record_type: e.s.notify_record_type, reg_records: record }, locale: LOCALE }],
      };
      notices.push({ key: `hh:${clientId}:${e.county_code}:${e.household_id}`, code: e.s.code, url: e.s.callback_url, historyId: e.id, envelope: await signed(db, callbackHeader('notify', clientId, { total: 1, completed: 1 }), message) });
    }
    await write(db, clientScope(client), async (tx) => {
      for (const s of subs) if (!(await repo.advanceCursor(tx, s.code, Number(s.cursor_id), Math.max(Number(s.cursor_id), last)))) throw new AppError('err.service.unavailable', 'subscription moved meanwhile', 500);
      for (const n of notices) await outbox.enqueue(tx, { client_id: clientId, url: n.url, action: 'notify', body: JSON.stringify(n.envelope), ordering_key: n.key, correlation_id: null });
      if (notices.length > 0) await appendAudit(tx, clientScope(client), { action: 'dci.notify', entity: 'dci_client', entityId: clientId, after: { events: notices.map((n) => ({ subscription: n.code, historyId: n.historyId })) } });
    }).then(() => {
      queued += notices.length;
    }, (e: unknown) => {
      // Another pass (a second instance) moved a cursor first: this pass's work is dropped and redone by that one.
      if (!(e instanceof AppError && e.code === 'err.service.unavailable')) throw e;
    });
  }
  return queued;
}
