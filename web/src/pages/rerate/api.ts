// Bulk re-rating (批量调标) batches: draft, review, approve, discard (/api/v1/cases/rerate).
import { api } from '../../api/client.ts';

export type Outcome = 'up' | 'down' | 'unchanged' | 'review';

export interface RerateSummary {
  batchNo: string;
  county: string;
  programme: string;
  programmeLabel: string;
  effectiveMonth: string;
  reason: string;
  status: 'draft' | 'approved' | 'discarded';
  statusLabel: string;
  counts: { items: number; up: number; down: number; unchanged: number; review: number };
  totals: { oldFen: number; newFen: number; differenceFen: number };
  draftedBy: string;
  draftedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decidedOn: string | null;
}

export interface DibaoMember { name: string; hukou: 'urban' | 'rural'; standard: number; gap: number; category: string | null; rate: number; topup: number; share: number }
export interface DibaoWorksheet { programme: 'dibao'; standard: number | null; persons: number | null; perCapitaIncome: number | null; eligible: boolean; members: DibaoMember[]; total: number | null }
export interface HardshipWorksheet { programme: 'hardship'; assessed: boolean; mode: string | null; selfCare: string; fixed: number; dibaoMultiple: number; basicLiving: number; care: number; total: number | null }

export interface RerateItem {
  caseNo: string;
  name: string;
  village: string;
  householdNo: string;
  persons: number;
  oldAmountFen: number;
  newAmountFen: number | null;
  differenceFen: number | null;
  outcome: Outcome;
  worksheet: DibaoWorksheet | HardshipWorksheet;
}

export interface RerateDetail extends RerateSummary {
  documents: { parameter: string; area: string; effective: string; value: string; reference: string }[];
  items: RerateItem[];
  page: { offset: number; limit: number; total: number };
}

export const fetchRerates = () => api<{ items: RerateSummary[] }>('/cases/rerate').then((r) => r.items);
export const draftRerate = (body: { programme: string; effectiveMonth: string; reason?: string }) => api<RerateSummary>('/cases/rerate', { method: 'POST', body });
export function fetchRerate(batchNo: string, q: { outcome?: Outcome | undefined; offset: number; limit: number }): Promise<RerateDetail> {
  const p = new URLSearchParams({ offset: String(q.offset), limit: String(q.limit) });
  if (q.outcome) p.set('outcome', q.outcome);
  return api<RerateDetail>(`/cases/rerate/${encodeURIComponent(batchNo)}?${p.toString()}`);
}
export const approveRerate = (batchNo: string) => api<RerateSummary & { changed: number; stale: number }>(`/cases/rerate/${encodeURIComponent(batchNo)}/approve`, { method: 'POST', body: {} });
export const discardRerate = (batchNo: string) => api<RerateSummary>(`/cases/rerate/${encodeURIComponent(batchNo)}/discard`, { method: 'POST', body: {} });

export const yuan = (fen: number) => (fen / 100).toFixed(2);
