// Uploading a file as the raw request body (an answer file: a bank's returns, an insurer's result): a
// refused file (400) answers its row errors for the page to show; any other failure throws.
import { ApiError } from './client.ts';

/** A row of a refused file: its number as the file shows it, the column and why. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export type Uploaded<R> = { ok: true; result: R } | { ok: false; message: string; errors: RowError[] };

/** The format the server reads, from the file's name. */
export const fileFormatOf = (file: File): 'csv' | 'xlsx' => (file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');

/** POSTs the file as the raw body to `url` (which carries the format and file name in its query). */
export function postFile(url: string, file: File): Promise<Response> {
  return fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' }, body: file });
}

export async function uploadFile<R>(url: string, file: File): Promise<Uploaded<R>> {
  const res = await postFile(url, file);
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, result: body as R };
  const err = (body as { error?: { code?: string; message?: string; details?: { errors?: RowError[] } } } | null)?.error;
  if (res.status === 400) return { ok: false, message: err?.message ?? res.statusText, errors: err?.details?.errors ?? [] };
  throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? res.statusText);
}
