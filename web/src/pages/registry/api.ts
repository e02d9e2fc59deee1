// The registry part of the /api/v1 contract, as the web pages use it.
import { api, download } from '../../api/client.ts';
import type {
  AssetKind, DisabilityGrade, DisabilityKind, Hukou, HouseholdCategory, IncomeKind, IncomePeriod,
  LeftBehindKind, PersonCategory, PovertyCause, Relation, Sex, WorkCapacity,
} from './codes.ts';

const enc = encodeURIComponent;

export interface HouseholdFilters {
  name?: string;
  idNumber?: string;
  area?: string;
  category?: string;
}

export interface HouseholdHit {
  householdNo: string;
  villageCode: string;
  villageName: string;
  hukou: Hukou;
  povertyFile: boolean;
  headName: string | null;
  headIdNumber: string | null;
  size: number;
  categories: string[];
}

export interface HouseholdPage {
  /** Matching households, exact up to 10,000 (`totalCapped`: more than that). */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  items: HouseholdHit[];
}

/** Household fields a caller may set (everything but the village is editable later). */
export interface HouseholdFields {
  hukou: Hukou;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  povertyFile: boolean;
  agricultural: boolean;
  categories: HouseholdCategory[];
  /** 致贫原因; the main one is one of them (null: none, or left to the server: the first). */
  povertyCauses: PovertyCause[];
  mainPovertyCause: PovertyCause | null;
}

export interface HouseholdView extends HouseholdFields {
  householdNo: string;
  countyCode: string;
  villageCode: string;
  villageName: string;
  createdAt: string;
  updatedAt: string;
}

export interface MemberInput {
  idNumber: string;
  name: string;
  relation: Relation;
  hukou: Hukou;
  workCapacity: WorkCapacity;
  disabilityKind: DisabilityKind | null;
  disabilityGrade: DisabilityGrade | null;
  seriousIllness: boolean;
  student: boolean;
  categories: PersonCategory[];
  leftBehind: LeftBehindKind | null;
  phone?: string;
}

export interface MemberView extends Omit<MemberInput, 'phone'> {
  sex: Sex;
  birthDate: string;
  phone: string;
}

export interface IncomeItem {
  memberIdNumber: string | null;
  kind: IncomeKind;
  amountFen: number;
  period: IncomePeriod;
  source: string;
}

export interface AssetItem {
  memberIdNumber: string | null;
  kind: AssetKind;
  valueFen: number;
  note: string;
}

export interface HouseholdDetail {
  masked: boolean;
  household: HouseholdView;
  members: MemberView[];
  incomes: IncomeItem[];
  assets: AssetItem[];
}

export interface NewHousehold {
  household: HouseholdFields & { villageCode: string };
  members: MemberInput[];
  incomes: IncomeItem[];
  assets: AssetItem[];
}

export interface TimelineEntry {
  at: string;
  actorName: string;
  /** What staff read; null for a job or an import without an account (系统). */
  actorDisplayName: string | null;
  action: string;
  subject: string | null;
  before: unknown;
  after: unknown;
}

/** The filled-in filters of a household search; sent in a request body, as they may hold an ID number. */
export function filterBody(f: HouseholdFilters): HouseholdFilters {
  const body: HouseholdFilters = {};
  for (const key of ['name', 'idNumber', 'area', 'category'] as const) {
    const value = f[key]?.trim();
    if (value) body[key] = value;
  }
  return body;
}

export function searchHouseholds(f: HouseholdFilters, page: number, pageSize: number): Promise<HouseholdPage> {
  return api<HouseholdPage>('/households/search', { method: 'POST', body: { ...filterBody(f), page, pageSize } });
}

export function exportHouseholds(f: HouseholdFilters): Promise<void> {
  return download('/households/export.xlsx', filterBody(f), '家庭查询导出.xlsx');
}

export function fetchHousehold(no: string, unmask: boolean): Promise<HouseholdDetail> {
  return api<HouseholdDetail>(`/households/${enc(no)}${unmask ? '?unmask=true' : ''}`);
}

export async function fetchTimeline(no: string, unmask: boolean): Promise<TimelineEntry[]> {
  const res = await api<{ items: TimelineEntry[] }>(`/households/${enc(no)}/timeline${unmask ? '?unmask=true' : ''}`);
  return res.items;
}

export async function createHousehold(input: NewHousehold): Promise<string> {
  const res = await api<{ householdNo: string }>('/households', { method: 'POST', body: input });
  return res.householdNo;
}

export function updateHousehold(no: string, patch: Partial<HouseholdFields>): Promise<void> {
  return api<void>(`/households/${enc(no)}`, { method: 'PATCH', body: patch });
}

export function addMember(no: string, member: MemberInput): Promise<void> {
  return api<void>(`/households/${enc(no)}/members`, { method: 'POST', body: member });
}

/** The member is the one with `member.idNumber`; ID numbers travel in bodies, never in URLs. */
export function updateMember(no: string, member: MemberInput): Promise<void> {
  return api<void>(`/households/${enc(no)}/members`, { method: 'PUT', body: member });
}

export function removeMember(no: string, idNumber: string, reason: string): Promise<void> {
  return api<void>(`/households/${enc(no)}/members/remove`, { method: 'POST', body: { idNumber, reason } });
}

export function replaceIncomes(no: string, items: IncomeItem[]): Promise<void> {
  return api<void>(`/households/${enc(no)}/incomes`, { method: 'PUT', body: { items } });
}

export function replaceAssets(no: string, items: AssetItem[]): Promise<void> {
  return api<void>(`/households/${enc(no)}/assets`, { method: 'PUT', body: { items } });
}
