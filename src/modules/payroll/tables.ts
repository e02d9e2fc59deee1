import type { Generated, Selectable } from 'kysely';

/** Whom a line pays and how (from the recipient's latest entitlement). */
export type Payee = 'recipient' | 'insurer' | 'institution';
export type PaymentMethod = 'transfer' | 'cash';
export type PayrollStatus = 'running' | 'draft' | 'approved' | 'exported';

export interface PayrollTable {
  county_code: string;
  id: Generated<number>;
  payroll_no: string;
  period: string;
  status: PayrollStatus;
  chunk_by: Generated<'county' | 'township'>;
  chunks_total: number;
  created_by: string;
  created_at: Generated<Date>;
  completed_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  exported_by: string | null;
  exported_at: Date | null;
}

export interface PayrollChunkTable {
  county_code: string;
  payroll_id: number;
  /** the county, or the township when the run was chunked by township */
  area_code: string;
  lines: number;
  written_at: Generated<Date>;
}

export interface PayrollLineTable {
  county_code: string;
  id: Generated<number>;
  payroll_id: number;
  period: string;
  programme: string;
  recipient_id: number;
  household_id: number;
  case_id: number;
  township_code: string;
  area_code: string;
  name: string;
  id_number: string;
  bank_name: string;
  bank_account: string;
  payee: Generated<Payee>;
  method: Generated<PaymentMethod>;
  regular_fen: number;
  arrears_fen: number;
  arrears_from: string | null;
  /** the one-off entitlements paid on this line (payroll_entitlement_payments names them) */
  one_off_fen: Generated<number>;
  reissue_fen: number;
  reissue_ids: number[] | null;
  deduction_fen: number;
  net_fen: number;
}

/** A one-off entitlement paid: by which payroll, on which line (migration 0071). */
export interface PayrollEntitlementPaymentTable {
  county_code: string;
  entitlement_id: number;
  payroll_id: number;
  line_id: number;
  amount_fen: number;
}

export interface PayrollTotalTable {
  county_code: string;
  payroll_id: number;
  township_code: string;
  programme: string;
  lines: number;
  regular_fen: number;
  arrears_fen: number;
  one_off_fen: Generated<number>;
  reissue_fen: number;
  deduction_fen: number;
  net_fen: number;
}

export interface PayrollReceivableTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  source: 'fraud' | 'overpayment';
  fraud_recovery_id: number | null;
  amount_fen: number;
  fine_fen: Generated<number>;
  decided_on: string;
  reason: string;
  created_by: string;
  created_at: Generated<Date>;
}

export type ReturnReason = 'closed_account' | 'name_mismatch' | 'other';

export interface PayrollReturnTable {
  county_code: string;
  id: Generated<number>;
  payroll_id: number;
  line_id: number;
  result: 'paid' | 'failed';
  reason: ReturnReason | null;
  note: Generated<string>;
  file_name: string;
  imported_by: string;
  imported_at: Generated<Date>;
}

export interface PayrollReissueTable {
  county_code: string;
  id: Generated<number>;
  source_payroll_id: number;
  source_line_id: number;
  programme: string;
  recipient_id: number;
  household_id: number;
  township_code: string;
  amount_fen: number;
  paid_payroll_id: number | null;
  created_at: Generated<Date>;
}

export type LedgerAccount = 'benefit' | 'receivable' | 'fine';
export type LedgerKind = 'regular' | 'arrears' | 'one_off' | 'reissue' | 'deduction' | 'returned' | 'established' | 'deducted' | 'repaid' | 'assessed';

export interface PayrollLedgerTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  /** the registry's code (src/programmes): payroll pays whatever programme an entitlement names */
  programme: string | null;
  recipient_id: number | null;
  period: string;
  account: LedgerAccount;
  kind: LedgerKind;
  amount_fen: number;
  payroll_id: number | null;
  line_id: number | null;
  receivable_id: number | null;
  note: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
}

/** Tables of the payroll module (created by its migrations 0040, 0041, 0071); DB in src/db/schema.ts extends this. */
export interface PayrollTables {
  payrolls: PayrollTable;
  payroll_chunks: PayrollChunkTable;
  payroll_lines: PayrollLineTable;
  payroll_totals: PayrollTotalTable;
  payroll_receivables: PayrollReceivableTable;
  payroll_returns: PayrollReturnTable;
  payroll_reissues: PayrollReissueTable;
  payroll_ledger: PayrollLedgerTable;
  payroll_entitlement_payments: PayrollEntitlementPaymentTable;
}

export type PayrollRow = Selectable<PayrollTable>;
export type PayrollLineRow = Selectable<PayrollLineTable>;

declare module '../../db/schema.ts' {
  interface DB extends PayrollTables {}
}
