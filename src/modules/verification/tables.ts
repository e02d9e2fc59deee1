import type { ColumnType, Generated } from 'kysely';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface VerificationSnapshotTable {
  id: Generated<number>;
  source: string;
  version: number;
  snapshot_date: DateCol;
  via: 'file' | 'api';
  file_name: string | null;
  row_count: number;
  area_code: string;
  imported_by: string;
  imported_at: Generated<Date>;
}

export interface VerificationRecordTable {
  snapshot_id: number;
  row_no: number;
  id_number: string | null;
  name: string | null;
  birth_date: NullableDate;
  item: string;
  amount: number | null;
  event_date: NullableDate;
  detail: string | null;
  official_id_number: string | null;
  official_name: string | null;
  area_code: string | null;
  relation: string | null;
}

export interface VerificationAuthorizationTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  signer_role: 'household' | 'supporter';
  signer_name: string;
  signer_id_number: string;
  signed_on: DateCol;
  no_legal_supporter: Generated<boolean>;
  note: Generated<string>;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface VerificationRescreenTable {
  id: Generated<number>;
  trigger: 'cli' | 'schedule' | 'api' | 'bench';
  started_by: string;
  as_of: DateCol;
  started_at: Generated<Date>;
  finished_at: Date | null;
  cases: Generated<number>;
  persons: Generated<number>;
  findings: Generated<number>;
  warnings: Generated<number>;
  favouritism: Generated<number>;
  snapshots: Json;
}

export interface VerificationRequestTable {
  county_code: string;
  id: Generated<number>;
  request_no: string;
  kind: 'application' | 'rescreen';
  /** The case of an application request; null for a rescreen run's request of a county. */
  case_id: number | null;
  household_id: number | null;
  area_code: string;
  requested_on: DateCol;
  requested_by: string;
  rescreen_id: number | null;
  persons: Generated<number>;
  snapshots: Json;
  created_at: Generated<Date>;
}

export type Resolution = 'confirmed' | 'explained' | 'false_match';

export interface VerificationFindingTable {
  county_code: string;
  id: Generated<number>;
  request_id: number;
  case_id: number;
  area_code: string;
  member_id: number | null;
  id_number: string;
  person_name: string;
  source: string;
  snapshot_id: number;
  row_no: number;
  match: 'id' | 'name_birth';
  item: string;
  amount: number | null;
  event_date: NullableDate;
  detail: string | null;
  official_name: string | null;
  relation: string | null;
  breaks_limit: boolean;
  limit_note: string | null;
  resolution: Resolution | null;
  note: string | null;
  resolved_by: string | null;
  resolved_on: NullableDate;
}

/** Per county, what its last rescreen matched: the latest snapshots, and each granted case's fingerprint (migration 0142). */
export interface VerificationRescreenCountyTable {
  county_code: string;
  rescreen_id: number;
  snapshots: number[];
  case_ids: number[];
  fingerprints: string[];
}

/** Tables of the verification module (created by its migration); DB in src/db/schema.ts extends this. */
export interface VerificationTables {
  verification_snapshots: VerificationSnapshotTable;
  verification_records: VerificationRecordTable;
  verification_authorizations: VerificationAuthorizationTable;
  verification_rescreens: VerificationRescreenTable;
  verification_requests: VerificationRequestTable;
  verification_findings: VerificationFindingTable;
  verification_rescreen_counties: VerificationRescreenCountyTable;
}

declare module '../../db/schema.ts' {
  interface DB extends VerificationTables {}
}
