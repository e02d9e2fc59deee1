import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface ComplaintTable {
  county_code: string;
  id: Generated<number>;
  complaint_no: string;
  area_code: string;
  channel: 'hotline_12349' | 'window' | 'online';
  anonymous: boolean;
  complainant_name: string | null;
  complainant_phone: string | null;
  /** A named complaint from the citizen portal: the complainant's ID number, so they can follow it (migration 0133). */
  complainant_id_number: ColumnType<string | null, string | null | undefined, never>;
  via_portal: ColumnType<boolean, boolean | undefined, never>;
  subject_kind: 'case' | 'recipient' | 'staff' | 'other';
  case_id: number | null;
  subject_name: string;
  category: 'favouritism' | 'fraud' | 'eligibility' | 'misconduct' | 'other';
  content: string;
  received_on: string;
  status: 'received' | 'assigned' | 'concluded' | 'closed';
  assignee: string | null;
  assigned_on: string | null;
  conclusion: 'substantiated' | 'partly_substantiated' | 'unsubstantiated' | null;
  finding: string | null;
  concluded_on: string | null;
  closed_on: string | null;
  case_flagged: Generated<boolean>;
  created_by: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface ComplaintFeedbackTable {
  county_code: string;
  id: Generated<number>;
  complaint_id: number;
  on_date: string;
  channel: 'phone' | 'letter' | 'visit' | 'sms' | 'online';
  content: string;
  recorded_by: string;
  at: Generated<Date>;
}

export interface FraudRecoveryTable {
  county_code: string;
  id: Generated<number>;
  complaint_id: number;
  case_id: number;
  household_id: number;
  obtained_fen: number;
  recovered_fen: number;
  fine_multiple: number;
  fine_fen: number;
  decided_on: string;
  note: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface OversightTables {
  complaints: ComplaintTable;
  complaint_feedback: ComplaintFeedbackTable;
  fraud_recoveries: FraudRecoveryTable;
}

export type ComplaintRow = Selectable<ComplaintTable>;
export type NewComplaint = Insertable<ComplaintTable>;

declare module '../../db/schema.ts' {
  interface DB extends OversightTables {}
}
