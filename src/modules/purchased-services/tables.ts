// Tables of the purchased-services module (migration 0113_purchased_services.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { ContractKind, ContractStatus, Funding, Rating, TaskKind, TaskStatus } from './codes.ts';

type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Int8 = ColumnType<number, number, number>;

export interface PurchaseContractTable {
  county_code: string;
  id: Generated<number>;
  contract_no: string;
  provider_id: Int8;
  kind: ContractKind;
  title: string;
  period_from: DateCol;
  period_to: DateCol;
  amount_fen: Int8;
  signed_on: DateCol;
  status: Generated<ContractStatus>;
  closed_on: NullableDate;
  close_reason: string | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface AssistanceAssistantTable {
  county_code: string;
  id: Generated<number>;
  name: string;
  id_number: string;
  phone: string | null;
  village_code: string;
  employed_from: DateCol;
  employed_to: NullableDate;
  funding: Funding;
  contract_id: number | null;
  user_id: number | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface PurchaseTaskTable {
  county_code: string;
  id: Generated<number>;
  contract_id: Int8;
  kind: TaskKind;
  village_code: string;
  target_household_no: string | null;
  target_person_id: string | null;
  description: string | null;
  assigned_on: DateCol;
  due_on: DateCol;
  worker_name: string | null;
  assistant_id: number | null;
  status: Generated<TaskStatus>;
  done_on: NullableDate;
  minutes: number | null;
  findings: string | null;
  performed_by: string | null;
  performed_by_user_id: number | null;
  confirmed_on: NullableDate;
  confirmed_by: string | null;
  confirmed_by_user_id: number | null;
  cancelled_on: NullableDate;
  cancel_reason: string | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface PurchaseEvaluationTable {
  county_code: string;
  id: Generated<number>;
  contract_id: Int8;
  year: number;
  score: number;
  rating: Rating;
  evaluated_on: DateCol;
  remarks: string | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    purchase_contracts: PurchaseContractTable;
    assistance_assistants: AssistanceAssistantTable;
    purchase_tasks: PurchaseTaskTable;
    purchase_evaluations: PurchaseEvaluationTable;
  }
}
