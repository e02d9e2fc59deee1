// The verification part of the /api/v1 contract, as the web pages use it (src/modules/verification/README.md).
import { api } from '../../api/client.ts';
import type { Relation } from '../registry/codes.ts';

const enc = encodeURIComponent;

export type Resolution = 'confirmed' | 'explained' | 'false_match';
export const RESOLUTIONS: readonly Resolution[] = ['confirmed', 'explained', 'false_match'];

export interface Finding {
  id: number;
  source: string;
  sourceLabel: string;
  item: string;
  itemLabel: string;
  unit: 'fen' | 'm2' | 'none';
  idNumber: string;
  personName: string;
  match: 'id' | 'name_birth';
  amount: number | null;
  eventDate: string | null;
  detail: string | null;
  officialName: string | null;
  relation: string | null;
  relationLabel: string | null;
  breaksLimit: boolean;
  limitNote: string | null;
  resolution: Resolution | null;
  note: string | null;
  resolvedBy: string | null;
  resolvedOn: string | null;
}

export interface VerificationRequest {
  requestNo: string;
  kind: 'application' | 'rescreen';
  requestedOn: string;
  requestedBy: string;
  persons: number;
  unresolvedBreaking: number;
  confirmedBreaking: number;
  findings: Finding[];
}

export interface Authorization {
  id: number;
  signerRole: 'household' | 'supporter';
  signerName: string;
  signedOn: string;
  noLegalSupporter: boolean;
  note: string;
  recordedBy: string;
}

export interface CaseVerification {
  caseNo: string;
  /** A programme code of the registry. */
  programme: string;
  state: string;
  flags: string[];
  authorizations: Authorization[];
  /** The household's members who may sign (ID numbers masked); the form sends the chosen one's id. */
  members: { memberId: number; name: string; idNumber: string; relation: Relation }[];
  authorizationMissing: string | null;
  requests: VerificationRequest[];
}

export interface ListedFinding extends Finding {
  caseNo: string;
  programme: string;
  state: string;
  caseFlags: string[];
  requestNo: string;
  requestKind: string;
  requestedOn: string;
  areaCode: string;
  villageName: string;
}

export interface FindingList {
  items: ListedFinding[];
  next: number | null;
}

export interface RescreenRun {
  id: number;
  trigger: string;
  startedBy: string;
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  cases: number;
  persons: number;
  findings: number;
  warnings: number;
  favouritism: number;
}

export interface CrossChecks {
  duplicateDibao: { idNumber: string; name: string; caseNo: string; areaCode: string; villageName: string; state: string; cases: number; counties: string[] }[];
  deadInPayment: { idNumber: string; name: string; caseNo: string; areaCode: string; villageName: string; state: string; dateOfDeath: string | null }[];
}

export interface SourceInfo {
  source: string;
  label: string;
  department: string;
  kinship: boolean;
  items: { code: string; label: string }[];
  columns: { header: string; required: boolean; note: string }[];
}

export interface Snapshot {
  id: number;
  source: string;
  label: string;
  version: number;
  snapshotDate: string;
  via: 'file' | 'api';
  fileName: string | null;
  rows: number;
  importedBy: string;
  importedAt: string;
}

const areaQuery = (area: string | undefined, extra = '') => `?limit=200${area ? `&area=${enc(area)}` : ''}${extra}`;

export const fetchCaseVerification = (caseNo: string) => api<CaseVerification>(`/verification/cases/${enc(caseNo)}`);
export const requestVerification = (caseNo: string) => api<{ requestNo: string; findings: number }>(`/verification/cases/${enc(caseNo)}/requests`, { method: 'POST', body: {} });
/** The signer: a member of the household by id, or (a legal supporter outside it) a typed name and ID number. */
export type Signer = { signerMemberId: number } | { signerName: string; signerIdNumber: string };

export const recordAuthorization = (body: { householdNo: string; signerRole: 'household' | 'supporter'; signedOn: string; noLegalSupporter: boolean } & Signer) =>
  api<{ id: number }>('/verification/authorizations', { method: 'POST', body });
export const resolveFinding = (id: number, resolution: Resolution, note: string) =>
  api<{ id: number }>(`/verification/findings/${id}/resolution`, { method: 'POST', body: { resolution, note } });
export const fetchRescreenRuns = () => api<RescreenRun[]>('/verification/rescreens');
export const runRescreen = () => api<RescreenRun>('/verification/rescreens', { method: 'POST', body: {} });
export const fetchRescreenFindings = (area: string | undefined, breaking: boolean) => api<FindingList>(`/verification/rescreen-findings${areaQuery(area, breaking ? '&breaking=true' : '')}`);
export const fetchFavouritism = (area: string | undefined) => api<FindingList>(`/verification/favouritism${areaQuery(area)}`);
export const fetchCrossChecks = (area: string | undefined) => api<CrossChecks>(`/verification/cross-checks${area ? `?area=${enc(area)}` : ''}`);
export const fetchSources = () => api<SourceInfo[]>('/verification/sources');
export const fetchSnapshots = () => api<Snapshot[]>('/verification/snapshots');
export const templateUrl = (source: string, format: 'xlsx' | 'csv') => `/api/v1/verification/sources/${enc(source)}/template?format=${format}`;

/** Uploads a partner data file (the raw file as the body) as a new snapshot. */
export async function uploadSnapshot(source: string, file: File, snapshotDate: string): Promise<Snapshot> {
  const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const res = await fetch(`/api/v1/verification/sources/${enc(source)}/snapshots?format=${format}&snapshotDate=${enc(snapshotDate)}&fileName=${enc(file.name)}`, {
    method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' }, body: file,
  });
  const body = (await res.json()) as Snapshot | { error: { message: string } };
  if (!res.ok) throw new Error('error' in body ? body.error.message : res.statusText);
  return body as Snapshot;
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
