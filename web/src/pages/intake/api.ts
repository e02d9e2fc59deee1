// The intake and complaints part of the /api/v1 contract, as the web pages use it
// (src/modules/intake/README.md). Response shapes are the server's own schemas (contract.ts).
import type { z } from 'zod';
import { api, fetchBlob } from '../../api/client.ts';
import type * as schemas from '../../../../src/modules/intake/contract.ts';
import type { CHANNELS, NEEDS, newRequestSchema, OUTCOMES } from '../../../../src/modules/intake/contract.ts';

const enc = encodeURIComponent;

export type Need = (typeof NEEDS)[number];
export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
/** The body of POST /intake/requests: the server's own input schema. */
export type NewRequest = z.input<typeof newRequestSchema>;
export type Assessment = NewRequest['assessment'];
export type WorkCapacity = Assessment['workCapacity'];
export type ExpenseKind = NonNullable<Assessment['rigidExpenses']>[number]['kind'];
export type NewPart = NewRequest['parts'][number];

export type ComplaintChannel = 'hotline_12349' | 'window' | 'online';
export type ComplaintCategory = 'favouritism' | 'fraud' | 'eligibility' | 'misconduct' | 'other';
export type ComplaintStatus = 'received' | 'assigned' | 'concluded' | 'closed';
export type Conclusion = 'substantiated' | 'partly_substantiated' | 'unsubstantiated';
export type FeedbackChannel = 'phone' | 'letter' | 'visit' | 'sms' | 'online';

export type Part = z.output<typeof schemas.part>;
export type CreatedRequest = z.output<typeof schemas.createdRequest>;
export type RequestDetail = Omit<z.output<typeof schemas.requestDetail>, 'assessment'> & { assessment: Assessment };
export type RequestList = z.output<typeof schemas.requestList>;
export type RequestSummary = RequestList['items'][number];
export type ReferralList = z.output<typeof schemas.referralList>;
export type ReferralItem = ReferralList['items'][number];
/** With what the window recorded of the request: its situation and needs assessment (the server's own shape). */
export type ReferralDetail = Omit<z.output<typeof schemas.referralDetail>, 'assessment'> & { assessment: Assessment };
export type ReferralStep = z.output<typeof schemas.referralStep>;
export type OverdueList = z.output<typeof schemas.overdueList>;
export type ComplaintList = z.output<typeof schemas.complaintList>;
export type ComplaintItem = ComplaintList['items'][number];
export type ComplaintDetail = z.output<typeof schemas.complaintDetail>;
export type CreatedComplaint = z.output<typeof schemas.createdComplaint>;
export type ComplaintSubject = z.output<typeof schemas.complaintSubjects>['items'][number];
export type Recovery = z.output<typeof schemas.recovery>;
export type RequestDocuments = z.output<typeof schemas.requestDocuments>;
export type RequestDocument = RequestDocuments['items'][number];
export type DocumentsAdded = z.output<typeof schemas.documentsAdded>;

export interface NewComplaint {
  channel: ComplaintChannel;
  anonymous: boolean;
  complainant?: { name: string; phone: string };
  subject: { kind: 'case' | 'recipient'; caseNo: string } | { kind: 'staff'; areaCode: string; name: string };
  category: ComplaintCategory;
  content: string;
  receivedOn?: string;
}

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return parts.length === 0 ? '' : `?${parts.map(([k, v]) => `${k}=${enc(String(v))}`).join('&')}`;
}

// Requests (受理件)
export const createRequest = (input: NewRequest) => api<CreatedRequest>('/intake/requests', { method: 'POST', body: input });
export const fetchRequests = (f: { area?: string; status?: 'open' | 'completed'; after?: number }) =>
  api<RequestList>(`/intake/requests${query({ area: f.area, status: f.status, after: f.after, limit: 50 })}`);
export const fetchRequest = (requestNo: string) => api<RequestDetail>(`/intake/requests/${enc(requestNo)}`);
export const fetchRequestDocuments = (requestNo: string) => api<RequestDocuments>(`/intake/requests/${enc(requestNo)}/documents`);
export const addRequestDocuments = (requestNo: string, documents: { name: string; content: string }[]) =>
  api<DocumentsAdded>(`/intake/requests/${enc(requestNo)}/documents`, { method: 'POST', body: { documents } });
/** One document's bytes, fetched with the staff session (each opening is audited by the server). */
export const fetchRequestDocument = (requestNo: string, seq: number) => fetchBlob(`/intake/requests/${enc(requestNo)}/documents/${seq}`);
export type PendingStep = z.output<typeof schemas.pendingStep>;
/** 待登记立案: open the case from a pending part once the household is registered, or close it with a reason. */
export const openPendingCase = (requestNo: string, partId: number, body: { householdNo: string }) =>
  api<PendingStep>(`/intake/requests/${enc(requestNo)}/parts/${partId}/open-case`, { method: 'POST', body });
export const closePendingCase = (requestNo: string, partId: number, body: { reason: string }) =>
  api<PendingStep>(`/intake/requests/${enc(requestNo)}/parts/${partId}/close`, { method: 'POST', body });
export const fetchOverdue = (area?: string) => api<OverdueList>(`/intake/overdue${query({ area, limit: 200 })}`);

// Referrals (转办事项)
export const fetchReferrals = (f: { area?: string; status?: 'open' | 'closed'; after?: number }) =>
  api<ReferralList>(`/intake/referrals${query({ area: f.area, status: f.status, after: f.after, limit: 50 })}`);
export const fetchReferral = (id: number) => api<ReferralDetail>(`/intake/referrals/${id}`);
export const acceptReferral = (id: number, body: { date?: string; note: string }) => api<ReferralStep>(`/intake/referrals/${id}/accept`, { method: 'POST', body });
export const recordReferralAction = (id: number, body: { date?: string; note: string }) => api<ReferralStep>(`/intake/referrals/${id}/actions`, { method: 'POST', body });
export const returnReferralResult = (id: number, body: { date?: string; outcome: Outcome; result: string }) => api<ReferralStep>(`/intake/referrals/${id}/result`, { method: 'POST', body });

// Complaints (举报)
export const createComplaint = (input: NewComplaint) => api<CreatedComplaint>('/complaints', { method: 'POST', body: input });
/** The current cases in scope that a name, an ID number or part of an address finds (POSTed: it may be an ID number). */
export const searchComplaintSubjects = (q: string) => api<{ items: ComplaintSubject[] }>('/complaints/subjects', { method: 'POST', body: { q } });
export const fetchComplaints = (f: { area?: string; status?: ComplaintStatus; after?: number }) =>
  api<ComplaintList>(`/complaints${query({ area: f.area, status: f.status, after: f.after, limit: 50 })}`);
export const fetchComplaint = (no: string) => api<ComplaintDetail>(`/complaints/${enc(no)}`);
type Step = { complaintNo: string; status: string };
export const assignComplaint = (no: string, body: { assignee: string; date?: string }) => api<Step>(`/complaints/${enc(no)}/assign`, { method: 'POST', body });
export const concludeComplaint = (no: string, body: { conclusion: Conclusion; finding: string; date?: string }) => api<Step>(`/complaints/${enc(no)}/conclude`, { method: 'POST', body });
export const recordFeedback = (no: string, body: { date: string; channel: FeedbackChannel; content: string }) => api<Step>(`/complaints/${enc(no)}/feedback`, { method: 'POST', body });
export const closeComplaint = (no: string, body: { date?: string }) => api<Step>(`/complaints/${enc(no)}/close`, { method: 'POST', body });
export const recordRecovery = (no: string, body: { obtainedFen: number; recoveredFen: number; fineMultiple: number; decidedOn: string; note: string }) =>
  api<Recovery>(`/complaints/${enc(no)}/recoveries`, { method: 'POST', body });
