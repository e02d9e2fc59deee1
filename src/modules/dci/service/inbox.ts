// The subscriber role: callbacks from other registries (on-search, on-subscribe, on-unsubscribe,
// txn/on-status, notify) — from a registered client, signed with its keys — kept in dci_inbox, audited, ACKed.
// What Jiuzhu does with them (a death in CRVS → 核对) is for the verification module to take up.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import * as txns from '../repo/transactions.ts';
import type { DciClient } from './clients.ts';
import { ack, newId } from './messages.ts';
import { checkEnvelope, specError } from './receive.ts';
import { clientScope } from './registry.ts';

export interface Callback {
  signature?: string | undefined;
  header: { action: string; sender_id: string; message_id: string; version?: string | undefined; is_msg_encrypted?: boolean | undefined };
  message?: Record<string, unknown> | undefined;
}

export async function receiveCallback(db: Database, client: DciClient, body: Callback, action: string, testMode: boolean) {
  checkEnvelope(client, body, [action], testMode);
  const correlationId = newId();
  await write(db, clientScope(client), async (tx) => {
    if (!(await txns.insertInbox(tx, { client_id: client.clientId, action, message_id: body.header.message_id, body: JSON.stringify(body) }))) {
      throw specError('err.request.bad', `header.message_id: ${body.header.message_id} 已收到过（重复报文）`);
    }
    const m = body.message ?? {};
    await appendAudit(tx, clientScope(client), { action: `dci.received.${action}`, entity: 'dci_inbox', entityId: correlationId, after: { messageId: body.header.message_id, transactionId: typeof m.transaction_id === 'string' ? m.transaction_id : null } });
  });
  return ack(correlationId);
}
