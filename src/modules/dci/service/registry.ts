// The registry role: search and transaction status, sync (answered inline) and async (ACK at once; the answer,
// computed in the same transaction, waits in the outbox for `header.sender_uri`). Every request is recorded as a
// transaction and audited.
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { clock } from '../../../kernel/clock.ts';
import { systemScope, type SystemScope } from '../../../kernel/scope.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import type { RequestEnvelope } from '../schemas.ts';
import { LOCALE } from '../schemas.ts';
import * as outbox from '../repo/outbox.ts';
import * as txns from '../repo/transactions.ts';
import { chinaTimestamp } from '../time.ts';
import { senderUri } from './callback-url.ts';
import type { DciClient } from './clients.ts';
import { ack, callbackHeader, newId, signed } from './messages.ts';
import { checkEnvelope, specError } from './receive.ts';
import { search, searchRequestSchema } from './search.ts';

export const clientScope = (client: DciClient): SystemScope => systemScope(`dci:${client.clientId}`, []);

function countOf(header: RequestEnvelope['header'], n: number): void {
  if (header.total_count !== n) throw specError('err.request.bad', `header.total_count: 应为报文中的请求数 ${n}（收到 ${header.total_count}）`);
}

async function record(tx: Kysely<DB>, t: txns.NewTransaction): Promise<void> {
  if (!(await txns.insertTransaction(tx, t))) throw specError('err.request.bad', `header.message_id: ${t.message_id} 已收到过（重复报文）`);
}


async function runSearch(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean, callback: string | null) {
  checkEnvelope(client, body, ['search'], testMode);
  const message = parseOrThrow(searchRequestSchema, body.message, 'message');
  countOf(body.header, message.search_request.length);
  const url = callback === null ? null : await senderUri(client, body.header, testMode);
  const correlationId = newId();
  const outcome = await search(db, client, message, correlationId);
  const rejected = outcome.audit.filter((a) => a.status === 'rjct').length;
  const envelope = await signed(db, callbackHeader('on-search', client.clientId, { total: outcome.audit.length, completed: outcome.audit.length }, rejected === outcome.audit.length ? 'rjct' : 'succ'), outcome.message);
  await write(db, clientScope(client), async (tx) => {
    await record(tx, { correlation_id: correlationId, client_id: client.clientId, message_id: body.header.message_id, transaction_id: message.transaction_id, action: 'search', reference_ids: outcome.audit.map((a) => a.referenceId), status: 'succ', response: JSON.stringify(outcome.message) });
    if (url) await outbox.enqueue(tx, { client_id: client.clientId, url, action: 'on-search', body: JSON.stringify(envelope), ordering_key: `txn:${correlationId}`, correlation_id: correlationId });
    await appendAudit(tx, clientScope(client), { action: url ? 'dci.search' : 'dci.sync_search', entity: 'dci_transaction', entityId: correlationId, after: { transactionId: message.transaction_id, messageId: body.header.message_id, items: outcome.audit, callback: url } });
  });
  return { correlationId, envelope };
}

export async function syncSearch(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean) {
  return (await runSearch(db, client, body, testMode, null)).envelope;
}

export async function asyncSearch(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean) {
  return ack((await runSearch(db, client, body, testMode, 'sender_uri')).correlationId);
}

const txnStatusSchema = z.looseObject({
  transaction_id: z.string().min(1).max(99),
  txnstatus_request: z.looseObject({
    reference_id: z.string().min(1).max(99),
    txn_type: z.enum(['search', 'subscribe', 'receipt']),
    attribute_type: z.enum(['transaction_id', 'reference_id_list', 'correlation_id']),
    attribute_value: z.union([z.string().min(1).max(99), z.array(z.string().min(1).max(99)).min(1).max(100)]),
    locale: z.string().regex(/^[a-z]{3}$/).optional(),
  }),
});

async function runTxnStatus(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean, async: boolean) {
  checkEnvelope(client, body, ['txn-status'], testMode);
  const m = parseOrThrow(txnStatusSchema, body.message, 'message');
  countOf(body.header, 1);
  const url = async ? await senderUri(client, body.header, testMode) : null;
  const r = m.txnstatus_request;
  const value = r.attribute_value;
  if ((r.attribute_type === 'reference_id_list') !== Array.isArray(value)) throw specError('err.request.bad', `message.txnstatus_request.attribute_value: ${r.attribute_type === 'reference_id_list' ? '应为 reference_id 的数组' : '应为字符串'}`);
  const by = r.attribute_type === 'transaction_id' ? { transactionId: String(value) } : r.attribute_type === 'correlation_id' ? { correlationId: String(value) } : { referenceIds: value as string[] };
  const [found] = await txns.findTransactions(db.kysely, client.clientId, by, r.txn_type);
  const correlationId = newId();
  const now = chinaTimestamp(clock().now());
  // Another client's transaction is as absent as one that never was.
  const txnStatus = found?.response ?? {
    transaction_id: m.transaction_id,
    correlation_id: correlationId,
    search_response: [{ reference_id: r.reference_id, timestamp: now, status: 'rjct', status_reason_code: 'rjct.reference_id.invalid', status_reason_message: '没有这笔交易', locale: LOCALE }],
  };
  const message = { transaction_id: m.transaction_id, correlation_id: correlationId, txnstatus_response: { txn_type: r.txn_type, txn_status: txnStatus } };
  const envelope = await signed(db, callbackHeader('txn-on-status', client.clientId, { total: 1, completed: 1 }), message);
  await write(db, clientScope(client), async (tx) => {
    await record(tx, { correlation_id: correlationId, client_id: client.clientId, message_id: body.header.message_id, transaction_id: m.transaction_id, action: 'txn-status', reference_ids: [r.reference_id], status: 'succ', response: JSON.stringify(message) });
    if (url) await outbox.enqueue(tx, { client_id: client.clientId, url, action: 'txn-on-status', body: JSON.stringify(envelope), ordering_key: `txn:${correlationId}`, correlation_id: correlationId });
    await appendAudit(tx, clientScope(client), { action: 'dci.txn_status', entity: 'dci_transaction', entityId: correlationId, after: { transactionId: m.transaction_id, attributeType: r.attribute_type, found: found?.correlation_id ?? null, callback: url } });
  });
  return { correlationId, envelope };
}

export async function syncTxnStatus(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean) {
  return (await runTxnStatus(db, client, body, testMode, false)).envelope;
}

export async function asyncTxnStatus(db: Database, client: DciClient, body: RequestEnvelope, testMode: boolean) {
  return ack((await runTxnStatus(db, client, body, testMode, true)).correlationId);
}
