// The premium-subsidy part of the /api/v1 contract as the pages use it (src/modules/medical/README.md,
// "资助参保"); the types come from the module's contract.ts.
import { api, ApiError } from '../../api/client.ts';
import { fileFormatOf, postFile, uploadFile, type Uploaded } from '../../api/upload.ts';

const enc = encodeURIComponent;

import type { SubsidyEntry, SubsidyList, SubsidyListDetail } from '../../../../src/modules/medical/contract.ts';

export type { SubsidyEntry, SubsidyList, SubsidyListDetail };
export type SubsidyStatus = SubsidyList['status'];
export type SubsidyGroup = SubsidyEntry['group'];
export interface ResultImported { listNo: string; rows: number; enrolled: number; refused: number; pending: number }
export type { RowError } from '../../api/upload.ts';

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return parts.length === 0 ? '' : `?${parts.map(([k, v]) => `${k}=${enc(String(v))}`).join('&')}`;
}
const base = '/medical/subsidy-lists';

export const fetchSubsidyLists = (f: { area?: string; year?: number; after?: number }) =>
  api<{ items: SubsidyList[]; next: number | null }>(`${base}${query({ area: f.area, year: f.year, after: f.after, limit: 50 })}`);
export const generateSubsidyList = (countyCode: string, year: number, asOf: string) =>
  api<{ listNo: string; persons: number; amountFen: number }>(base, { method: 'POST', body: { countyCode, year, asOf } });
export const fetchSubsidyList = (no: string) => api<SubsidyListDetail>(`${base}/${enc(no)}`);
export const fetchSubsidyEntries = (no: string, f: { township?: string; group?: SubsidyGroup; unmask: boolean; after?: number; limit: number }) =>
  api<{ items: SubsidyEntry[]; next: number | null }>(`${base}/${enc(no)}/entries${query({ township: f.township, group: f.group, unmask: f.unmask ? 'true' : undefined, after: f.after, limit: f.limit })}`);
export const excludeEntry = (no: string, id: number, reason: string) => api<unknown>(`${base}/${enc(no)}/entries/${id}/exclude`, { method: 'POST', body: { reason } });
export const includeEntry = (no: string, id: number) => api<unknown>(`${base}/${enc(no)}/entries/${id}/include`, { method: 'POST' });
export const moveSubsidyList = (no: string, step: 'review' | 'approve' | 'void') => api<SubsidyList>(`${base}/${enc(no)}/${step}`, { method: 'POST' });
export const insurerFileUrl = (no: string, format: 'xlsx' | 'csv') => `/api/v1${base}/${enc(no)}/insurer-file${query({ format })}`;

const fileUrl = (no: string, path: string, file: File) => `/api/v1${base}/${enc(no)}/${path}${query({ format: fileFormatOf(file), fileName: file.name })}`;

/** Uploads the insurer's result file as the raw body; a refused file answers its row errors. */
export const uploadResult = (no: string, file: File): Promise<Uploaded<ResultImported>> => uploadFile<ResultImported>(fileUrl(no, 'result', file), file);

/** Saves the error report of a result file (the server checks the file again and changes nothing). */
export async function downloadResultReport(no: string, file: File): Promise<void> {
  const res = await postFile(fileUrl(no, 'result/error-report', file), file);
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `参保结果错误报告-${no}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
