// Tables of the housing-insurance module (migration 0093_housing_insurance.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { ClaimStatus, Grade, InsuredSource, Peril, Structure } from './codes.ts';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface HousingInsurancePolicyTable {
  county_code: string;
  id: Generated<number>;
  year: number;
  policy_no: string;
  insurer: string;
  premium_fen: number;
  government_permille: number;
  perils: Peril[];
  coverage_from: DateCol;
  coverage_to: DateCol;
  created_by: string;
  created_on: DateCol;
  note: Generated<string>;
  created_at: Generated<Date>;
}

export interface HousingInsuranceSumTable {
  county_code: string;
  policy_id: number;
  structure: Structure;
  sum_fen: number;
}

export interface HousingInsuranceInsuredTable {
  county_code: string;
  policy_id: number;
  household_id: number;
  area_code: string;
  structure: Structure | null;
  source: InsuredSource;
  added_on: DateCol;
}

export interface HousingInsuranceClaimTable {
  county_code: string;
  id: Generated<number>;
  claim_no: string;
  policy_id: number;
  event_id: number;
  damage_entry_id: number;
  household_id: number;
  area_code: string;
  reported_on: DateCol;
  reported_by: string;
  status: Generated<ClaimStatus>;
  structure: Structure;
  assessed_grade: Grade | null;
  assessed_loss_fen: number | null;
  payable_fen: number | null;
  basis: ColumnType<unknown, string | null | undefined, string | null>;
  assessed_on: NullableDate;
  assessed_by: string | null;
  paid_fen: number | null;
  paid_on: NullableDate;
  payment_ref: string | null;
  refused_on: NullableDate;
  refusal_reason: string | null;
  note: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    housing_insurance_policies: HousingInsurancePolicyTable;
    housing_insurance_sums: HousingInsuranceSumTable;
    housing_insurance_insured: HousingInsuranceInsuredTable;
    housing_insurance_claims: HousingInsuranceClaimTable;
  }
}
