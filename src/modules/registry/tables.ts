import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;

export interface HouseholdTable {
  county_code: string;
  id: Generated<number>;
  household_no: string;
  village_code: string;
  hukou: 'urban' | 'rural';
  address: string;
  phone: string;
  bank_name: string;
  bank_account: string;
  poverty_file: boolean;
  agricultural: boolean;
  categories: string[];
  poverty_causes: Generated<string[]>;
  main_poverty_cause: Generated<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MemberTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  id_number: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  relation: string;
  hukou: 'urban' | 'rural';
  work_capacity: 'full' | 'partial' | 'none';
  disability_kind: string | null;
  disability_grade: number | null;
  serious_illness: boolean;
  student: boolean;
  categories: string[];
  left_behind: 'child' | 'elder' | 'woman' | null;
  phone: string;
}

export interface PersonIndexTable {
  id_number: string;
  county_code: string;
  member_id: number;
  household_id: number;
}

export interface IncomeItemTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  member_id: number | null;
  kind: string;
  amount_fen: number;
  period: 'month' | 'year';
  source: string;
}

export interface AssetTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  member_id: number | null;
  kind: string;
  value_fen: number;
  note: string;
}

export interface RegistryHistoryTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string;
  action: string;
  subject: string | null;
  before: Json;
  after: Json;
}

export interface ImportReportTable {
  id: Generated<number>;
  area_code: string;
  actor_id: number | null;
  actor_name: string;
  file_name: string;
  format: 'xlsx' | 'csv';
  partial: boolean;
  summary: Json;
  errors: Json;
  created_at: Generated<Date>;
}

export interface DemoLoadTable {
  seed: string;
  households: number;
  members: number;
  skipped: number;
  loaded_at: Generated<Date>;
}

/** A home visit (入户调查): migration 0135. */
export interface HouseholdVisitTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  client_id: string | null;
  visited_on: ColumnType<string, string, string>;
  visitors: string;
  findings: string;
  source: 'offline' | 'web';
  signature_sha256: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface HouseholdVisitFileTable {
  county_code: string;
  visit_id: number;
  seq: number;
  kind: 'photo' | 'signature';
  file_name: string;
  media_type: 'image/png' | 'image/jpeg' | 'application/pdf';
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
}

export interface RegistryTables {
  households: HouseholdTable;
  members: MemberTable;
  person_index: PersonIndexTable;
  income_items: IncomeItemTable;
  assets: AssetTable;
  registry_history: RegistryHistoryTable;
  registry_import_reports: ImportReportTable;
  registry_demo_loads: DemoLoadTable;
  household_visits: HouseholdVisitTable;
  household_visit_files: HouseholdVisitFileTable;
}

declare module '../../db/schema.ts' {
  interface DB extends RegistryTables {}
}
