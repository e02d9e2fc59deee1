// Tables of the disaster module (migration 0090_disaster_events.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { DisasterKind, ResponseLevel } from './codes.ts';
import type { BatchKind, BatchStatus } from './batch-codes.ts';
export type { BatchKind, BatchStatus } from './batch-codes.ts';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;


export interface DisasterEventTable {
  county_code: string;
  id: Generated<number>;
  event_no: string;
  kind: DisasterKind;
  name: string;
  started_on: DateCol;
  ended_on: NullableDate;
  response_level: ResponseLevel | null;
  note: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DisasterEventAreaTable {
  county_code: string;
  event_id: number;
  area_code: string;
}

export interface DisasterReportTable {
  county_code: string;
  id: Generated<number>;
  event_id: number;
  area_code: string;
  as_of: DateCol;
  version: number;
  affected_persons: number;
  relocated_persons: number;
  deaths: number;
  missing: number;
  houses_collapsed: number;
  houses_seriously_damaged: number;
  houses_generally_damaged: number;
  crop_affected_ha100: number;
  crop_failed_ha100: number;
  direct_loss_fen: number;
  reported_by: string;
  reported_at: Generated<Date>;
  note: Generated<string>;
}

export type DamageGrade = 'collapsed' | 'serious' | 'general' | 'none';
export type HouseStructure = 'reinforced_concrete' | 'brick_concrete' | 'brick_wood' | 'earth_wood' | 'other';
export type GoodsItem = 'quilt' | 'clothing' | 'rice' | 'cooking_oil' | 'water' | 'tent' | 'folding_bed' | 'other';

/** 受灾户登记 (migration 0091). */
export interface DisasterDamageEntryTable {
  county_code: string;
  id: Generated<number>;
  event_id: number;
  household_id: number;
  area_code: string;
  persons_affected: number;
  persons_homeless: Generated<number>;
  deaths: Generated<number>;
  missing: Generated<number>;
  injured: Generated<number>;
  house_grade: DamageGrade;
  house_structure: HouseStructure;
  rooms_damaged: Generated<number>;
  direct_loss_fen: Generated<number>;
  household_type: Generated<string>;
  added_on_spot: Generated<boolean>;
  status: Generated<'recorded' | 'verified' | 'void'>;
  recorded_on: DateCol;
  recorded_by: string;
  first_verified_by: string | null;
  first_verified_on: NullableDate;
  second_verified_by: string | null;
  second_verified_on: NullableDate;
  void_reason: string | null;
  note: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** 救灾物资发放 (migration 0091), append-only. */
export interface DisasterGoodsIssueTable {
  county_code: string;
  id: Generated<number>;
  event_id: number;
  household_id: number;
  area_code: string;
  item: GoodsItem;
  quantity: number;
  issued_on: DateCol;
  issued_by: string;
  note: Generated<string>;
  created_at: Generated<Date>;
}

/** 冬春生活救助需求调查 (migration 0092). */
export interface DisasterWinterNeedTable {
  county_code: string;
  id: Generated<number>;
  season: string;
  household_id: number;
  area_code: string;
  persons_first: Generated<number>;
  persons_second: Generated<number>;
  persons_third: Generated<number>;
  surveyed_on: DateCol;
  surveyed_by: string;
  note: Generated<string>;
}

/** 救助批次 (migration 0092). */
export interface DisasterBatchTable {
  county_code: string;
  id: Generated<number>;
  batch_no: string;
  kind: BatchKind;
  event_id: number | null;
  season: string | null;
  status: Generated<BatchStatus>;
  pay_month: string;
  created_on: DateCol;
  created_by: string;
  basis: ColumnType<unknown, string, string>;
  households: Generated<number>;
  persons: Generated<number>;
  amount_fen: Generated<number>;
  ratio: number | null;
  seed: string | null;
  sampled_on: NullableDate;
  notice_from: NullableDate;
  notice_to: NullableDate;
  approved_on: NullableDate;
  approved_by: string | null;
  decided_through: Generated<number>;
  decided_on: NullableDate;
  void_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface DisasterBatchMemberTable {
  county_code: string;
  batch_id: number;
  ordinal: number;
  household_id: number;
  area_code: string;
  source_id: number;
  persons: number;
  amount_fen: number;
  claim: ColumnType<Record<string, unknown>, string, string>;
  sampled: Generated<boolean>;
  check_result: 'confirmed' | 'removed' | null;
  checked_by: string | null;
  checked_on: NullableDate;
  excluded: Generated<boolean>;
  exclude_reason: string | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    disaster_events: DisasterEventTable;
    disaster_event_areas: DisasterEventAreaTable;
    disaster_reports: DisasterReportTable;
    disaster_damage_entries: DisasterDamageEntryTable;
    disaster_goods_issues: DisasterGoodsIssueTable;
    disaster_winter_needs: DisasterWinterNeedTable;
    disaster_batches: DisasterBatchTable;
    disaster_batch_members: DisasterBatchMemberTable;
  }
}
