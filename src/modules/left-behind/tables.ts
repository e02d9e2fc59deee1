// Tables of the left-behind module (migration 0112_left_behind.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { Action, CarerKind, Kind, Risk, Warning } from './codes.ts';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Int8 = ColumnType<number, number, number>;

export interface LeftBehindSurveyTable {
  county_code: string;
  id: Generated<number>;
  member_id: Int8;
  year: number;
  kind: Kind;
  away_place: string;
  away_since: NullableDate;
  guardian_name: string | null;
  guardian_relation: string | null;
  guardian_able: boolean | null;
  risks: Risk[];
  surveyed_on: DateCol;
  surveyed_by: string;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface LeftBehindCarePlanTable {
  county_code: string;
  id: Generated<number>;
  member_id: Int8;
  carer_kind: CarerKind;
  carer_name: string;
  visit_interval_days: number | null;
  from_on: DateCol;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface LeftBehindVisitTable {
  county_code: string;
  id: Generated<number>;
  member_id: Int8;
  visited_on: DateCol;
  visited_by: string;
  findings: string;
  risks_found: Risk[];
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface LeftBehindFollowUpTable {
  county_code: string;
  id: Generated<number>;
  member_id: Int8;
  warning: Warning;
  action: Action;
  department: string | null;
  case_no: string | null;
  /** The one-window request the follow-up opened (a referral, or a 临时救助 case), if it opened one. */
  request_no: string | null;
  note: string;
  followed_on: DateCol;
  recorded_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    left_behind_surveys: LeftBehindSurveyTable;
    left_behind_care_plans: LeftBehindCarePlanTable;
    left_behind_visits: LeftBehindVisitTable;
    left_behind_follow_ups: LeftBehindFollowUpTable;
  }
}
