// The payroll part of the /api/v1 contract as the web pages use it (src/modules/payroll/README.md).
import { api } from '../../api/client.ts';
import { fileFormatOf, uploadFile, type Uploaded } from '../../api/upload.ts';
import type { FileKind, PaymentFileItem, PaymentHistory, PayrollDetail, PayrollLine, PayrollSummary, ReturnsResult, RunResult } from '../../../../src/modules/payroll/contract.ts';

const enc = encodeURIComponent;

export type { Amounts, FileKind, PaymentFileItem, PaymentHistory, PayrollDetail, PayrollLine, PayrollStatus, PayrollSummary, ReturnsResult, RunResult } from '../../../../src/modules/payroll/contract.ts';

export type { RowError } from '../../api/upload.ts';

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return parts.length === 0 ? '' : `?${parts.map(([k, v]) => `${k}=${enc(String(v))}`).join('&')}`;
}

export const fetchPayrolls = (f: { county?: string; period?: string; after?: number }) =>
  api<{ items: PayrollSummary[]; next: number | null }>(`/payroll${query({ county: f.county, period: f.period, after: f.after, limit: 50 })}`);
export const runPayroll = (period: string, countyCode: string) => api<RunResult>('/payroll/runs', { method: 'POST', body: { period, countyCode } });
export const fetchPayroll = (no: string) => api<PayrollDetail>(`/payroll/${enc(no)}`);
/** Lines filtered by township, programme and person (name prefix or ID number); `total` counts every page. */
export const fetchLines = (no: string, f: { township?: string; programme?: string; q?: string; after?: number; limit: number }) =>
  api<{ items: PayrollLine[]; next: number | null; total: number }>(`/payroll/${enc(no)}/lines${query({ township: f.township, programme: f.programme, q: f.q, after: f.after, limit: f.limit })}`);
export const approvePayroll = (no: string) => api<RunResult>(`/payroll/${enc(no)}/approve`, { method: 'POST' });
export const discardPayroll = (no: string) => api<{ discarded: boolean }>(`/payroll/${enc(no)}/discard`, { method: 'POST' });
/** Every file of an approved payroll: bank files, the cash list, the payees' files. */
export const fetchPaymentFiles = (no: string) => api<{ items: PaymentFileItem[] }>(`/payroll/${enc(no)}/files`);
export const paymentFileUrl = (no: string, kind: FileKind, key: string, format: 'xlsx' | 'csv', unmask: boolean) =>
  `/api/v1/payroll/${enc(no)}/file${query({ kind, key, format, unmask: unmask ? 'true' : 'false' })}`;
export const fetchHistory = (householdNo: string) => api<PaymentHistory>(`/payroll/households/${enc(householdNo)}/history`);

/** Uploads the bank's result file as the raw body; a refused file answers its row errors. */
export const uploadReturns = (no: string, file: File): Promise<Uploaded<ReturnsResult>> =>
  uploadFile<ReturnsResult>(`/api/v1/payroll/${enc(no)}/returns${query({ format: fileFormatOf(file), fileName: file.name })}`, file);
