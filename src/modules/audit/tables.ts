import type { ColumnType } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;

export interface AuditLogTable {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  area_code: string | null;
  before: Json;
  after: Json;
  prev_hash: string;
  hash: string;
  /** Which chain the entry is hashed in (see chainKeyOf); 'legacy' for entries before migration 0140. */
  chain_key: string;
}

/** The last entry of each chain, locked by that chain's writers only. */
export interface AuditChainHeadsTable {
  chain_key: string;
  last_id: number;
  last_hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
}

declare module '../../db/schema.ts' {
  interface DB extends AuditTables {}
}
