// Tables of the funds module (migration 0123_funds.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { FundSource } from './codes.ts';

type DateCol = ColumnType<string, string, string>;
type Int8 = ColumnType<number, number, number>;

export interface ReductionPlanTable {
  county_code: string;
  id: Generated<number>;
  programme: string;
  document: string;
  start_year: number;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface ReductionPlanTargetTable {
  county_code: string;
  plan_id: Int8;
  year: number;
  persons: number;
}

export interface FundBudgetTable {
  county_code: string;
  id: Generated<number>;
  year: number;
  programme: string;
  source: FundSource;
  earmark: Generated<string>;
  amount_fen: Int8;
  document: string;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface FundTransferTable {
  county_code: string;
  id: Generated<number>;
  received_on: DateCol;
  programme: string;
  source: FundSource;
  earmark: Generated<string>;
  amount_fen: Int8;
  document: string;
  recorded_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    reduction_plans: ReductionPlanTable;
    reduction_plan_targets: ReductionPlanTargetTable;
    fund_budgets: FundBudgetTable;
    fund_transfers: FundTransferTable;
  }
}
