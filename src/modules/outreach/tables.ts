// Tables of the outreach module (migration 0128_outreach.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { Outcome, OutreachKind, TaskStatus } from './codes.ts';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Int8 = ColumnType<number, number, number>;

export interface OutreachTaskTable {
  county_code: string;
  id: Generated<number>;
  household_id: Int8;
  area_code: string;
  kind: OutreachKind;
  created_on: DateCol;
  due_on: DateCol;
  status: TaskStatus;
  outcome: Outcome | null;
  outcome_on: NullableDate;
  note: string | null;
  case_no: string | null;
  closed_by: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    outreach_tasks: OutreachTaskTable;
  }
}
