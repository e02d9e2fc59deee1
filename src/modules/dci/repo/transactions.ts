// SPDCI transactions (dci_transactions) and callbacks received (dci_inbox).
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface NewTransaction {
  correlation_id: string;
  client_id: string;
  message_id: string;
  transaction_id: string;
  action: string;
  reference_ids: string[];
  status: 'rcvd' | 'pdng' | 'succ' | 'rjct';
  response: string | null;
}

/** False when the client already sent a message with this message_id. */
export async function insertTransaction(db: Kysely<DB>, row: NewTransaction): Promise<boolean> {
  const r = await db.insertInto('dci_transactions').values(row).onConflict((oc) => oc.columns(['client_id', 'message_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The client's own transactions by transaction_id, correlation_id or any of the reference ids. */
export function findTransactions(db: Kysely<DB>, clientId: string, by: { transactionId?: string; correlationId?: string; referenceIds?: string[] }, action: string) {
  let q = db.selectFrom('dci_transactions').selectAll().where('client_id', '=', clientId).where('action', '=', action);
  if (by.transactionId !== undefined) q = q.where('transaction_id', '=', by.transactionId);
  if (by.correlationId !== undefined) q = q.where('correlation_id', '=', by.correlationId);
  if (by.referenceIds !== undefined) q = q.where(sql<SqlBool>`reference_ids && cast(${by.referenceIds} as text[])`);
  return q.orderBy('created_at', 'desc').limit(1).execute();
}

/** False for a callback already received (same sender, message_id and action). */
export async function insertInbox(db: Kysely<DB>, row: { client_id: string; action: string; message_id: string; body: string }): Promise<boolean> {
  const r = await db.insertInto('dci_inbox').values(row).onConflict((oc) => oc.columns(['client_id', 'message_id', 'action']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
