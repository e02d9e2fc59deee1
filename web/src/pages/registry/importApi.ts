// Registry import: the file goes up as the raw request body, the answer lists what was refused.
import { ApiError } from '../../api/client.ts';

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  imported: { households: number; members: number };
  rejected: { rows: number; households: number };
  errors: ImportRowError[];
  /** All errors found; `errors` may list only the first of them. */
  errorCount: number;
  reportId: string | null;
  /** The server's summary when it refused the file. */
  message: string | null;
  /** true when all-or-nothing refused the file (a 400 with the same shape). */
  refused: boolean;
}

export type ImportFormat = 'xlsx' | 'csv';

export const TEMPLATE_URL = '/api/v1/registry/template.xlsx';

export function errorReportUrl(reportId: string): string {
  return `/api/v1/registry/imports/${encodeURIComponent(reportId)}/errors.xlsx`;
}

export function formatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function isRowError(v: unknown): v is ImportRowError {
  return isRecord(v) && typeof v['row'] === 'number' && typeof v['message'] === 'string';
}

function asResult(body: Record<string, unknown>, refused: boolean): ImportResult {
  const imported = isRecord(body['imported']) ? body['imported'] : {};
  const rejected = isRecord(body['rejected']) ? body['rejected'] : {};
  const errors = Array.isArray(body['errors']) ? body['errors'].filter(isRowError).map((e) => ({ ...e, column: String(e.column ?? '') })) : [];
  const reportId = body['reportId'];
  const error = isRecord(body['error']) ? body['error'] : {};
  return {
    imported: { households: num(imported['households']), members: num(imported['members']) },
    rejected: { rows: num(rejected['rows']), households: num(rejected['households']) },
    errors,
    errorCount: Math.max(num(body['errorCount']), errors.length),
    message: typeof error['message'] === 'string' ? error['message'] : null,
    reportId: typeof reportId === 'string' && reportId ? reportId : typeof reportId === 'number' ? String(reportId) : null,
    refused,
  };
}

export async function uploadImport(file: File, format: ImportFormat, partial: boolean): Promise<ImportResult> {
  const query = new URLSearchParams({ format, partial: String(partial), fileName: file.name.slice(0, 200) });
  const res = await fetch(`/api/v1/registry/imports?${query.toString()}`, {
    method: 'POST',
    credentials: 'include',
    headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (isRecord(body) && isRecord(body['imported'])) return asResult(body, !res.ok);
  const err = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
  const details = isRecord(err['details']) ? err['details'] : undefined;
  throw new ApiError(
    res.status,
    typeof err['code'] === 'string' ? err['code'] : `http_${res.status}`,
    typeof err['message'] === 'string' ? err['message'] : res.statusText,
    details,
  );
}
