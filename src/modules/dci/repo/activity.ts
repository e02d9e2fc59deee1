// What a connected system did, for its administrators: its recent transactions and its subscriptions.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ClientKey } from './roots.ts';

/** The client's latest transactions, with the number of records a search answered (null for other actions). */
export function recentTransactions(db: Kysely<DB>, key: ClientKey, limit: number) {
  return db
    .selectFrom('dci_transactions')
    .select(['transaction_id', 'action', 'status', 'created_at'])
    .select(sql<number | null>`case when action = 'search' then (
      select coalesce(sum(case when jsonb_typeof(e->'data'->'reg_records') = 'array' then jsonb_array_length(e->'data'->'reg_records') else 0 end), 0)::int
      from jsonb_array_elements(case when jsonb_typeof(response->'search_response') = 'array' then response->'search_response' else '[]'::jsonb end) as e) end`.as('records'))
    .where('client_id', '=', key.clientId)
    .orderBy('created_at', 'desc')
    .orderBy('correlation_id')
    .limit(limit)
    .execute();
}

export function clientSubscriptions(db: Kysely<DB>, key: ClientKey, limit: number) {
  return db
    .selectFrom('dci_subscriptions')
    .select(['code', 'reg_event_type', 'notify_record_type', 'callback_url', 'status', 'created_at', 'unsubscribed_at'])
    .where('client_id', '=', key.clientId)
    .orderBy('status')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

