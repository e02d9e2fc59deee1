// Tables of the SPDCI API (migrations 0150_dci_clients.sql, 0151_dci_transactions.sql, 0152_dci_subscriptions.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type JsonOrNull = ColumnType<unknown, string | null, string | null>;
type Int8 = ColumnType<number, number, number>;

export interface DciClientTable {
  client_id: string;
  name: string;
  secret_hash: string;
  area_codes: string[];
  attributes: string[];
  unmasked: Generated<string[]>;
  jwks: Json;
  callback_urls: Generated<string[]>;
  created_by: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface DciKeyTable {
  kid: string;
  algorithm: 'ed25519';
  private_pem: string;
  public_jwk: Json;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface DciTransactionTable {
  correlation_id: string;
  client_id: string;
  message_id: string;
  transaction_id: string;
  action: string;
  reference_ids: Generated<string[]>;
  status: 'rcvd' | 'pdng' | 'succ' | 'rjct';
  response: JsonOrNull;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DciOutboxTable {
  id: Generated<number>;
  client_id: string;
  url: string;
  action: string;
  body: Json;
  ordering_key: string;
  correlation_id: string | null;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  created_at: Generated<Date>;
}

export interface DciSubscriptionTable {
  code: string;
  client_id: string;
  reg_event_type: string;
  filter: Json;
  notify_record_type: string;
  callback_url: string;
  cursor_id: Int8;
  status: 'subscribe' | 'unsubscribe';
  created_at: Generated<Date>;
  unsubscribed_at: Date | null;
}

export interface DciInboxTable {
  id: Generated<number>;
  client_id: string;
  action: string;
  message_id: string;
  body: Json;
  received_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    dci_clients: DciClientTable;
    dci_keys: DciKeyTable;
    dci_transactions: DciTransactionTable;
    dci_outbox: DciOutboxTable;
    dci_subscriptions: DciSubscriptionTable;
    dci_inbox: DciInboxTable;
  }
}
