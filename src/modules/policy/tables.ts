import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export interface PolicyParameterTable {
  name: string;
  description: string;
  unit: string;
  reference: string;
}

export interface PolicyValueTable {
  id: Generated<number>;
  name: string;
  area: string;
  rule_set: string | null;
  effective: string;
  /** JSON of the value as the documents state it (money in yuan); JSON null ends an area's own value. */
  value: Json;
  value_reference: string | null;
  origin: 'file' | 'api';
  created_by: string;
  created_at: Generated<Date>;
  used_at: Date | null;
}

/** One row: the hash of the parameter files last synced (migration 0146). */
export interface PolicyFileStampTable {
  id: Generated<number>;
  stamp: string;
  synced_at: Generated<Date>;
}

export interface PolicyTables {
  policy_parameters: PolicyParameterTable;
  policy_values: PolicyValueTable;
  policy_file_stamp: PolicyFileStampTable;
}

declare module '../../db/schema.ts' {
  interface DB extends PolicyTables {}
}
