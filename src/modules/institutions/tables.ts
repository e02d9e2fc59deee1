// Tables of the institutions module (migrations 0010 and 0100), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { FundingSource, InstitutionKind, InstitutionStatus, LegalPersonStatus, ProjectStatus } from './codes.ts';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type DateCol = ColumnType<string, string, string>;

/** 供养服务机构: one row per institution, kept per county. */
export interface InstitutionTable {
  county_code: string;
  id: Generated<number>;
  name: string;
  kind: InstitutionKind;
  /** 床位总数 */
  beds: number;
  demo: Generated<boolean>;
  address: Generated<string>;
  area_code: string | null;
  credit_code: string | null;
  legal_person_status: Generated<LegalPersonStatus>;
  legal_person_registered_on: NullableDate;
  posts: Generated<number>;
  staff_management: Generated<number>;
  staff_care: Generated<number>;
  staff_medical: Generated<number>;
  care_beds: Generated<number>;
  beds_self_care: Generated<number>;
  beds_partial: Generated<number>;
  beds_full: Generated<number>;
  opened_on: NullableDate;
  status: Generated<InstitutionStatus>;
  closed_on: NullableDate;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** 星级评定: one per institution and year. */
export interface InstitutionRatingTable {
  county_code: string;
  institution_id: number;
  year: number;
  stars: number;
  assessed_on: DateCol;
  assessor: string;
  score_centi: number | null;
  note: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
}

/** 建设项目. */
export interface InstitutionProjectTable {
  county_code: string;
  id: Generated<number>;
  institution_id: number;
  name: string;
  funding_source: FundingSource;
  amount_fen: number;
  status: ProjectStatus;
  year: number;
  started_on: NullableDate;
  completed_on: NullableDate;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    institutions: InstitutionTable;
    institution_ratings: InstitutionRatingTable;
    institution_projects: InstitutionProjectTable;
  }
}
