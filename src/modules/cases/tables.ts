import type { ColumnType, Generated } from 'kysely';
import type { RuleSet } from '../../policy/index.ts';
import type { CaseContext, DecisionKind, Phase } from '../../workflow/definition.ts';

type Json = ColumnType<unknown, string | undefined, never>;
/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface CaseTable {
  county_code: string;
  id: Generated<number>;
  case_no: string;
  programme: string;
  rule_set: RuleSet;
  household_id: number;
  area_code: string;
  applicant_member_id: number;
  applicant_name: string;
  applicant_id_number: string;
  state: string;
  phase: Generated<Phase>;
  context: ColumnType<CaseContext, string | undefined, string>;
  applied_on: DateCol;
  state_since: DateCol;
  due_date: NullableDate;
  due_parameter: string | null;
  final_due_date: NullableDate;
  notice_end: NullableDate;
  review_due: NullableDate;
  flags: Generated<string[]>;
  /** What opened the case in bulk (migration 0092), unique per county: a rerun never opens it twice. */
  source_key: ColumnType<string | null, string | null | undefined, never>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseTransitionTable {
  county_code: string;
  id: Generated<number>;
  case_id: number;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  to_phase: Generated<Phase>;
  on_date: DateCol;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  reason: string | null;
  data: Json;
  attachments: Json;
  due_date: NullableDate;
}

export interface CaseDecisionTable {
  county_code: string;
  id: Generated<number>;
  case_id: number;
  transition_id: number;
  kind: DecisionKind;
  decided_on: DateCol;
  effective_month: string | null;
  end_month: string | null;
  amount_fen: number | null;
  explanation: ColumnType<unknown, string | null | undefined, never>;
  reason: string | null;
  notify_by: NullableDate;
  created_at: Generated<Date>;
}

export interface CaseBatchTable {
  county_code: string;
  id: Generated<number>;
  batch_no: string;
  programme: string;
  created_on: DateCol;
  created_by: string;
  ratio: number | null;
  seed: string | null;
  sampled_on: NullableDate;
  created_at: Generated<Date>;
}

export interface CaseBatchMemberTable {
  county_code: string;
  batch_id: number;
  case_id: number;
  flagged: boolean;
  sampled: boolean;
}

/** The programmes of the registry (src/programmes), written at every start. */
export interface ProgrammeTable {
  code: string;
  serial_prefix: string;
  kind: 'enrolment' | 'claim' | 'event';
  recipient: 'household' | 'person';
  name: string;
  name_en: string;
  updated_at: Generated<Date>;
}

/** What a decision grants (migration 0070): payroll pays these, statistics count them. Append-only. */
export interface EntitlementTable {
  county_code: string;
  id: Generated<number>;
  programme: string;
  case_id: number;
  /** The decision that granted it; null when a bulk re-rating's item did (`rerate_batch_id`, migration 0127). */
  decision_id: number | null;
  rerate_batch_id: Generated<number | null>;
  household_id: number;
  area_code: string;
  recipient_kind: 'household' | 'person';
  recipient_id: number;
  schedule: 'monthly' | 'one_off';
  from_month: string;
  to_month: string | null;
  amount_fen: number;
  persons: number;
  summary: ColumnType<Record<string, number>, string, never>;
  payee: 'recipient' | 'insurer' | 'institution';
  method: 'transfer' | 'cash';
  payee_name: string;
  payee_id_number: string;
  created_at: Generated<Date>;
}

/** entitlement_segments: each entitlement with the last month it is in force (null: open-ended). */
export interface EntitlementSegmentView extends Omit<EntitlementTable, 'rerate_batch_id'> {
  next_month: string | null;
  until_month: string | null;
}

export interface CaseTables {
  programmes: ProgrammeTable;
  entitlements: EntitlementTable;
  entitlement_segments: EntitlementSegmentView;
  cases: CaseTable;
  case_transitions: CaseTransitionTable;
  case_decisions: CaseDecisionTable;
  case_batches: CaseBatchTable;
  case_batch_members: CaseBatchMemberTable;
}

declare module '../../db/schema.ts' {
  interface DB extends CaseTables {}
}
