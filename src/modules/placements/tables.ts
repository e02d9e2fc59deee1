// Tables of the placements module (migration 0101_placements.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type DateCol = ColumnType<string, string, string>;

export type PlacementStatus = 'pending' | 'admitted' | 'discharged' | 'cancelled';
export type DischargeKind = 'transfer' | 'discharge' | 'death';
export type SelfCareLevel = 'self_care' | 'partial' | 'full';

/** 集中供养 placement: a 特困 person's stay in an institution of the case's county. */
export interface InstitutionPlacementTable {
  county_code: string;
  id: Generated<number>;
  institution_id: number;
  case_id: number;
  household_id: number;
  member_id: number;
  area_code: string;
  status: PlacementStatus;
  requested_on: DateCol;
  admitted_on: NullableDate;
  bed_label: string | null;
  self_care_level: SelfCareLevel | null;
  care_fee_fen: ColumnType<number | null, number | null | undefined, number | null>;
  /** The end of the stay (discharged) or the day a pending placement was cancelled. */
  discharged_on: NullableDate;
  discharge_kind: DischargeKind | null;
  discharge_reason: Generated<string>;
  transferred_to: number | null;
  transferred_from: number | null;
  version: Generated<number>;
}

export interface PlacementTables {
  institution_placements: InstitutionPlacementTable;
}

declare module '../../db/schema.ts' {
  interface DB extends PlacementTables {}
}
