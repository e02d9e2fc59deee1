// Tables of the disaster module (migration 0090_disaster_events.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { DisasterKind, ResponseLevel } from './codes.ts';

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

declare module '../../db/schema.ts' {
  interface DB {
    disaster_events: DisasterEventTable;
    disaster_event_areas: DisasterEventAreaTable;
    disaster_reports: DisasterReportTable;
  }
}
