// County batches, their spot-check sample and public-notice list, and nursing homes (/api/v1).
import { api } from '../../api/client.ts';

const enc = encodeURIComponent;

export interface BatchSummary {
  batchNo: string;
  programme: string;
  createdOn: string;
  createdBy: string;
  ratio: number | null;
  seed: string | null;
  sampledOn: string | null;
  size: number;
  sampled: number;
}

export interface BatchCase {
  caseNo: string;
  applicantName: string;
  areaCode: string;
  state: string;
  flagged: boolean;
  sampled: boolean;
}

export interface BatchDetail extends Omit<BatchSummary, 'size' | 'sampled'> {
  cases: BatchCase[];
}

export interface PublicNoticeItem {
  villageCode: string;
  villageName: string;
  name: string;
  householdSize: number;
  amountFen: number | null;
  amountStatus: 'decided' | 'proposed' | 'none';
}

/** An institution (供养服务机构) of the caller's county (the institutions module's register). */
export interface Institution {
  id: number;
  countyCode: string;
  name: string;
  kind: string;
  status: string;
  beds: number;
  demo: boolean;
}

export async function fetchBatches(): Promise<BatchSummary[]> {
  return (await api<{ items: BatchSummary[] }>('/cases/batches?limit=200')).items;
}

export const createBatch = (programme: string, date: string, caseNos?: string[]) =>
  api<{ batchNo: string; size: number }>('/cases/batches', { method: 'POST', body: { programme, date, ...(caseNos ? { caseNos } : {}) } });

/** 编组's preview: how many cases of the programme await county review outside a batch. */
export const fetchBatchCandidates = (programme: string) => api<{ programme: string; count: number }>(`/cases/batches/candidates?programme=${enc(programme)}`);

export interface SamplePreview {
  batchNo: string;
  date: string;
  size: number;
  flagged: number;
  ratio: number;
  count: number;
  drawn: boolean;
}

/** 抽取样本's preview: of how many cases, at which ratio, how many will be drawn on `date`. */
export const fetchSamplePreview = (batchNo: string, date: string) => api<SamplePreview>(`/cases/batches/${enc(batchNo)}/sample-preview?date=${enc(date)}`);

export const fetchBatch = (batchNo: string) => api<BatchDetail>(`/cases/batches/${enc(batchNo)}`);

export const drawSample = (batchNo: string, date: string, seed?: string) =>
  api<BatchDetail>(`/cases/batches/${enc(batchNo)}/sample`, { method: 'POST', body: { date, ...(seed ? { seed } : {}) } });

export interface ApprovableCase {
  caseNo: string;
  applicantName: string;
  villageName: string;
  sampled: boolean;
}

/** 批量审批's preview: the cases the engine approves now, the others with the reason. */
export interface BatchApprovable {
  batchNo: string;
  programme: string;
  date: string;
  effectiveMonth: string;
  count: number;
  /** Monthly total of the amounts the approvals would decide (fen). */
  totalFen: number;
  approvable: (ApprovableCase & { amountFen: number | null })[];
  blocked: (ApprovableCase & { state: string; stateLabel: string; code: string; reason: string })[];
}

export interface BatchApproved {
  batchNo: string;
  approved: number;
  date: string;
  effectiveMonth: string;
  totalFen: number;
  items: { caseNo: string; applicantName: string; amountFen: number | null; effectiveMonth: string | null }[];
}

export const fetchApprovable = (batchNo: string, date: string) => api<BatchApprovable>(`/cases/batches/${enc(batchNo)}/approvable?date=${enc(date)}`);

export const approveAll = (batchNo: string, body: { expectedCount: number; date: string; effectiveMonth: string }) =>
  api<BatchApproved>(`/cases/batches/${enc(batchNo)}/approve-all`, { method: 'POST', body });

const areaParam = (area?: string) => (area ? `?area=${enc(area)}` : '');

export async function fetchPublicNotice(batchNo: string, area?: string): Promise<PublicNoticeItem[]> {
  return (await api<{ items: PublicNoticeItem[] }>(`/cases/batches/${enc(batchNo)}/public-notice${areaParam(area)}`)).items;
}

export const publicNoticeDocxUrl = (batchNo: string, area?: string) => `/api/v1/cases/batches/${enc(batchNo)}/public-notice.docx${areaParam(area)}`;

export async function fetchInstitutions(): Promise<Institution[]> {
  return (await api<{ items: Institution[] }>('/institutions')).items;
}
