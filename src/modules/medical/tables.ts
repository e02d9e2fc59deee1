// Tables of the medical module (migration 0082_medical.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export type SubsidyListStatus = 'draft' | 'reviewed' | 'approved' | 'exported' | 'void';
export type SubsidyResult = 'pending' | 'enrolled' | 'refused';
export type EpisodeKind = 'outpatient' | 'inpatient';
export type EpisodeSource = 'settlement' | 'claim';
export type EpisodeStatus = 'pending' | 'paid' | 'void';

export interface MedicalSubsidyListTable {
  county_code: string;
  id: Generated<number>;
  list_no: string;
  year: number;
  as_of: DateCol;
  status: Generated<SubsidyListStatus>;
  persons: Generated<number>;
  amount_fen: Generated<number>;
  enrolled: Generated<number>;
  refused: Generated<number>;
  created_by: string;
  created_on: DateCol;
  reviewed_by: string | null;
  reviewed_on: NullableDate;
  approved_by: string | null;
  approved_on: NullableDate;
  exported_on: NullableDate;
  result_imported_on: NullableDate;
  note: Generated<string>;
}

export interface MedicalSubsidyEntryTable {
  county_code: string;
  list_id: number;
  id: Generated<number>;
  area_code: string;
  household_id: number;
  member_id: number;
  name: string;
  id_number: string;
  group: string;
  basis_case_no: string;
  contribution_fen: number;
  subsidy_fen: number;
  excluded: Generated<boolean>;
  exclude_reason: string | null;
  result: Generated<SubsidyResult>;
  result_reason: string | null;
}

export interface MedicalSettlementImportTable {
  county_code: string;
  id: Generated<number>;
  import_no: string;
  file_name: string;
  rows: number;
  amount_fen: number;
  imported_by: string;
  department: string | null;
  imported_at: Generated<Date>;
}

export interface MedicalEpisodeTable {
  county_code: string;
  id: Generated<number>;
  source: EpisodeSource;
  import_id: number | null;
  row_no: number | null;
  case_id: number | null;
  settlement_no: string | null;
  area_code: string;
  household_id: number;
  member_id: number;
  name: string;
  id_number: string;
  group: string;
  kind: EpisodeKind;
  critical: Generated<boolean>;
  hospital: string;
  admitted_on: DateCol;
  discharged_on: DateCol;
  year: number;
  total_cost_fen: number;
  basic_insurance_fen: number;
  critical_insurance_fen: Generated<number>;
  eligible_self_pay_fen: number;
  assistance_fen: Generated<number>;
  tilt_fen: Generated<number>;
  deductible_used_fen: Generated<number>;
  settled_on: NullableDate;
  status: EpisodeStatus;
}

declare module '../../db/schema.ts' {
  interface DB {
    medical_subsidy_lists: MedicalSubsidyListTable;
    medical_subsidy_entries: MedicalSubsidyEntryTable;
    medical_settlement_imports: MedicalSettlementImportTable;
    medical_episodes: MedicalEpisodeTable;
  }
}
