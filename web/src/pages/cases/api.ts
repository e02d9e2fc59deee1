// The cases part of the /api/v1 contract, as the web pages use it (src/modules/cases/README.md).
import { api } from '../../api/client.ts';
import type { JsonSchema } from './schema.ts';
import type { WorksheetLine } from '../policy/api.ts';

const enc = encodeURIComponent;

export interface ActionRef {
  action: string;
  label: string;
}

export interface InboxItem {
  caseNo: string;
  /** A programme code of the registry (names: useProgrammes). */
  programme: string;
  ruleSet: string;
  state: string;
  stateLabel: string;
  applicantName: string;
  areaCode: string;
  villageName: string | null;
  appliedOn: string;
  dueDate: string | null;
  finalDueDate: string | null;
  reviewDue: string | null;
  overdue: boolean;
  flags: string[];
  actions: ActionRef[];
}

export interface CaseList {
  items: InboxItem[];
  next: string | null;
  /** Matching cases, exact up to 10,000 (`totalCapped`: more than that). */
  total: number;
  totalCapped: boolean;
}

/** The inbox's filters (all optional): programme, state, village, overdue only, name / ID number / case number. */
export interface InboxFilters {
  programme?: string;
  state?: string;
  village?: string;
  overdue?: boolean;
  q?: string;
}

export interface TimelineItem {
  seq: number;
  action: string;
  label: string;
  fromState: string | null;
  toState: string;
  date: string;
  at: string;
  actorName: string;
  /** What staff read; null for a job or the demo data (系统). */
  actorDisplayName: string | null;
  actorRole: string;
  reason: string | null;
  data: Record<string, unknown>;
  attachments: unknown;
  dueDate: string | null;
}

export interface ExplanationStep {
  name: string;
  value: unknown;
  unit: string | null;
  parameters?: { name: string; value: unknown; unit?: string | null }[];
}

export interface Decision {
  kind: string;
  decidedOn: string;
  effectiveMonth: string | null;
  endMonth: string | null;
  amountFen: number | null;
  reason: string | null;
  notifyBy: string | null;
  explanation: { formula?: string; steps?: ExplanationStep[] } | null;
  /** 计算过程 as a worksheet (Chinese lines built by the server). */
  worksheet: WorksheetLine[];
}

export interface NextAction {
  action: string;
  label: string;
  allowed: boolean;
  blockedCode: string | null;
  blockedReason: string | null;
  reasonRequired: boolean;
  dataSchema: JsonSchema | null;
  /** What the step sets in motion: notice, flag_complaint, death_review, decide/<kind>; null: nothing. */
  effect: string | null;
}

export interface CaseDetail {
  caseNo: string;
  /** A programme code of the registry (names: useProgrammes). */
  programme: string;
  programmeLabel: string;
  ruleSet: string;
  definition: string;
  state: string;
  stateLabel: string;
  householdNo: string;
  hukou: string;
  areaCode: string;
  applicantName: string;
  applicantIdNumber: string;
  appliedOn: string;
  stateSince: string;
  dueDate: string | null;
  dueParameter: string | null;
  finalDueDate: string | null;
  noticeEnd: string | null;
  reviewDue: string | null;
  flags: string[];
  overdue: boolean;
  batch: { batchNo: string; sampled: boolean; drawn: boolean } | null;
  timeline: TimelineItem[];
  decisions: Decision[];
  nextActions: NextAction[];
}

export interface NewCase {
  /** A programme code of the registry (names: useProgrammes). */
  programme: string;
  householdNo: string;
  applicantIdNumber: string;
  appliedOn?: string;
  staffRelative: boolean;
  cadreRelative: boolean;
  note: string;
  /** The programme's opening questions (its `opening` schema); only for a programme that asks them. */
  details?: Record<string, unknown>;
}

export interface TransitionInput {
  action: string;
  date?: string;
  reason?: string;
  data: Record<string, unknown>;
}

function filterQuery(area: string | undefined, f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (area) p.set('area', area);
  if (f.programme) p.set('programme', f.programme);
  if (f.state) p.set('state', f.state);
  if (f.village) p.set('village', f.village);
  if (f.overdue) p.set('overdue', 'true');
  const q = f.q?.trim();
  if (q) p.set('q', q);
  return p;
}

const listQuery = (area: string | undefined, f: InboxFilters, after?: string) => {
  const p = filterQuery(area, f);
  p.set('limit', '50');
  if (after) p.set('after', after);
  return `?${p.toString()}`;
};

/** 我的待办 in `area` (the header's working area) with the filters, keyset-paged by `after`. */
export const fetchInbox = (area: string | undefined, f: InboxFilters, after?: string) => api<CaseList>(`/cases/inbox${listQuery(area, f, after)}`);
export const fetchOverdue = (area: string | undefined, f: InboxFilters, after?: string) => api<CaseList>(`/cases/overdue${listQuery(area, f, after)}`);
/** The inbox with the same filters as an .xlsx (path under /api/v1). */
export const inboxXlsxPath = (area: string | undefined, f: InboxFilters) => `/cases/inbox.xlsx?${filterQuery(area, f).toString()}`;
export const fetchCase = (caseNo: string) => api<CaseDetail>(`/cases/${enc(caseNo)}`);

export const createCase = (input: NewCase) =>
  api<{ caseNo: string; ruleSet: string; state: string; dueDate: string | null }>('/cases', { method: 'POST', body: input });

export const performStep = (caseNo: string, input: TransitionInput) =>
  api<{ caseNo: string; state: string }>(`/cases/${enc(caseNo)}/transitions`, { method: 'POST', body: input });

export const decisionDocxUrl = (caseNo: string) => `/api/v1/cases/${enc(caseNo)}/notices/decision.docx`;

export { todayInChina } from '../../components/today.ts';

export interface HouseholdCase {
  caseNo: string;
  /** A programme code of the registry (names: useProgrammes). */
  programme: string;
  programmeLabel: string;
  state: string;
  stateLabel: string;
  applicantName: string;
  appliedOn: string;
  stateSince: string;
  reviewDue: string | null;
  flags: string[];
  decision: { kind: string; amountFen: number | null; effectiveMonth: string | null; decidedOn: string } | null;
}

/** 救助案件 of one household (any programme and state), newest first. */
export const fetchHouseholdCases = (householdNo: string) => api<{ items: HouseholdCase[] }>(`/cases/by-household/${enc(householdNo)}`);
