import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export interface IntakeRequestTable {
  county_code: string;
  id: Generated<number>;
  request_no: string;
  area_code: string;
  window_area_code: string;
  channel: 'window' | 'phone' | 'online' | 'village';
  household_id: number | null;
  person_name: string;
  person_id_number: string;
  person_phone: string;
  needs: string[];
  description: string;
  assessment: Json;
  received_on: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface IntakePartTable {
  county_code: string;
  id: Generated<number>;
  request_id: number;
  seq: number;
  kind: 'case' | 'referral' | 'pending_case';
  need: string;
  department: string | null;
  case_id: number | null;
  /** A referral answered with a claim: the claim's case (migration 0085). */
  answer_case_id: Generated<number | null>;
  status: 'case' | 'referred' | 'accepted' | 'closed' | 'awaiting_registration' | 'opened';
  referred_on: string;
  due_date: string | null;
  time_limit: number | null;
  time_limit_parameter: string | null;
  note: string;
  accepted_on: string | null;
  accepted_by: string | null;
  closed_on: string | null;
  outcome: 'assisted' | 'partially_assisted' | 'not_eligible' | 'declined' | null;
  result: string | null;
  version: Generated<number>;
  /** A pending part's opening details, kept until its case is opened (migration 0136). */
  details: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface IntakePartEventTable {
  county_code: string;
  id: Generated<number>;
  part_id: number;
  action: 'refer' | 'accept' | 'act' | 'close';
  on_date: string;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string;
  note: string;
}

/** A file of a request (migration 0134): a document uploaded or scanned, or the 核对 authorisation's signature. */
export interface IntakeRequestDocumentTable {
  county_code: string;
  request_id: number;
  seq: number;
  kind: 'document' | 'signature';
  file_name: string;
  media_type: 'image/png' | 'image/jpeg' | 'application/pdf';
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  added_by: string;
  added_at: Date;
}

export interface IntakeTables {
  intake_requests: IntakeRequestTable;
  intake_request_documents: IntakeRequestDocumentTable;
  intake_parts: IntakePartTable;
  intake_part_events: IntakePartEventTable;
}

export type IntakeRequestRow = Selectable<IntakeRequestTable>;
export type NewIntakeRequest = Insertable<IntakeRequestTable>;
export type IntakePartRow = Selectable<IntakePartTable>;
export type NewIntakePart = Insertable<IntakePartTable>;

declare module '../../db/schema.ts' {
  interface DB extends IntakeTables {}
}
