// Response shapes of the payroll API: they document the routes in /api/openapi.json and are the types the
// web pages use. A programme is its registry code with its Chinese name beside it (`programmeLabel`), so a
// new programme shows with its name without a change here or in the web.
import { z } from 'zod';

const at = z.string().nullable();
export const PAYROLL_STATUSES = ['running', 'draft', 'approved', 'exported'] as const;
export const PAYEES = ['recipient', 'insurer', 'institution'] as const;
export const METHODS = ['transfer', 'cash'] as const;
/** 代发文件 per bank, 现金发放表, a file per payee (insurer, institution). */
export const FILE_KINDS = ['bank', 'cash', 'payee'] as const;
const status = z.enum(PAYROLL_STATUSES);

export const amounts = z.object({
  lines: z.number(), regularFen: z.number(), arrearsFen: z.number(), oneOffFen: z.number(), reissueFen: z.number(), deductionFen: z.number(), netFen: z.number(),
});

export const payrollHeader = z.object({
  payrollNo: z.string(), countyCode: z.string(), countyName: z.string(), period: z.string(), status, statusLabel: z.string(), chunksTotal: z.number(),
  createdBy: z.string(), createdByName: z.string(), createdAt: z.string(), completedAt: at,
  approvedBy: z.string().nullable(), approvedByName: z.string().nullable(), approvedAt: at, exportedBy: z.string().nullable(), exportedByName: z.string().nullable(), exportedAt: at,
});

export const payrollList = z.object({ items: z.array(payrollHeader.extend({ lines: z.number(), netFen: z.number() })), next: z.number().nullable() });

export const runResult = z.object({
  payrollNo: z.string(), countyCode: z.string(), period: z.string(), status, statusLabel: z.string(), lines: z.number(), netFen: z.number(), written: z.boolean(),
});

export const payrollDetail = payrollHeader.extend({
  chunksWritten: z.number(),
  total: amounts,
  /** `label` is the programme's name too (kept for the CLI and older clients). */
  byProgramme: z.array(amounts.extend({ programme: z.string(), programmeLabel: z.string(), label: z.string() })),
  byTownship: z.array(amounts.extend({ townshipCode: z.string(), townshipName: z.string(), programme: z.string(), programmeLabel: z.string() })),
});

const result = z.enum(['paid', 'failed']).nullable();
export const payrollLine = z.object({
  id: z.number(), programme: z.string(), programmeLabel: z.string(), householdNo: z.string(), townshipCode: z.string(), areaCode: z.string(),
  name: z.string(), idNumber: z.string(), bankName: z.string(), bankAccount: z.string(),
  payee: z.enum(PAYEES), payeeLabel: z.string(), method: z.enum(METHODS), methodLabel: z.string(),
  regularFen: z.number(), arrearsFen: z.number(), arrearsFrom: z.string().nullable(), oneOffFen: z.number(), reissueFen: z.number(), deductionFen: z.number(), netFen: z.number(),
  result, reason: z.string().nullable(), reasonLabel: z.string().nullable(),
});
/** `total`: the lines that match the filters (all pages). */
export const lineList = z.object({ items: z.array(payrollLine), next: z.number().nullable(), total: z.number() });

export const approved = z.object({ payrollNo: z.string(), status: z.literal('approved'), statusLabel: z.string(), lines: z.number(), netFen: z.number(), ledgerEntries: z.number() });
export const discarded = z.object({ payrollNo: z.string(), discarded: z.boolean() });

/** One file of an approved payroll: `kind` and `key` download it (key: the bank, or the payee; empty for the cash list). */
export const paymentFileItem = z.object({
  kind: z.enum(FILE_KINDS), key: z.string(), label: z.string(), lines: z.number(), netFen: z.number(),
  /** bank files only: the bank as `GET …/bank-file?bank=` takes it, and its label */
  bank: z.string().nullable(), bankLabel: z.string().nullable(),
});
export const paymentFileList = z.object({ payrollNo: z.string(), items: z.array(paymentFileItem) });

export const returnsResult = z.object({ payrollNo: z.string(), paid: z.number(), failed: z.number(), reissueFen: z.number(), skipped: z.number() });

export const paymentHistory = z.object({
  householdNo: z.string(),
  payments: z.array(z.object({
    payrollNo: z.string(), status, statusLabel: z.string(), period: z.string(), programme: z.string(), programmeLabel: z.string(),
    name: z.string(), bankName: z.string(), bankAccount: z.string(), payee: z.enum(PAYEES), payeeLabel: z.string(), method: z.enum(METHODS), methodLabel: z.string(),
    regularFen: z.number(), arrearsFen: z.number(), arrearsFrom: z.string().nullable(), oneOffFen: z.number(), reissueFen: z.number(), deductionFen: z.number(), netFen: z.number(),
    result, reasonLabel: z.string().nullable(),
  })),
  ledger: z.array(z.object({
    id: z.number(), period: z.string(), account: z.string(), kind: z.string(), amountFen: z.number(), programme: z.string().nullable(), programmeLabel: z.string().nullable(),
    note: z.string(), createdBy: z.string(), createdAt: z.string(),
  })),
  receivables: z.array(z.object({ id: z.number(), source: z.enum(['fraud', 'overpayment']), amountFen: z.number(), fineFen: z.number(), decidedOn: z.string(), reason: z.string() })),
  receivableBalanceFen: z.number(),
});

export const fundList = z.object({
  items: z.array(z.object({ countyCode: z.string(), countyName: z.string(), period: z.string(), account: z.string(), kind: z.string(), amountFen: z.number(), entries: z.number() })),
});
export const receivableRecorded = z.object({ id: z.number(), householdNo: z.string(), amountFen: z.number(), balanceFen: z.number() });
export const repaymentRecorded = z.object({ householdNo: z.string(), amountFen: z.number(), balanceFen: z.number() });

export type PayrollStatus = z.infer<typeof status>;
export type Amounts = z.infer<typeof amounts>;
export type PayrollSummary = z.infer<typeof payrollList>['items'][number];
export type PayrollDetail = z.infer<typeof payrollDetail>;
export type PayrollLine = z.infer<typeof payrollLine>;
export type RunResult = z.infer<typeof runResult>;
export type PaymentFileItem = z.infer<typeof paymentFileItem>;
export type FileKind = (typeof FILE_KINDS)[number];
export type ReturnsResult = z.infer<typeof returnsResult>;
export type PaymentHistory = z.infer<typeof paymentHistory>;
