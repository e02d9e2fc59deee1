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
}

export interface AuditTables {
  audit_log: AuditLogTable;
}

declare module '../../db/schema.ts' {
  interface DB extends AuditTables {}
}
