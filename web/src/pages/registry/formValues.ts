// Shapes of the registry forms and their conversion to and from the API (yuan ↔ fen, '' ↔ null).
import type { AssetItem, HouseholdFields, IncomeItem, MemberInput, MemberView } from './api.ts';
import type { AssetKind, DisabilityGrade, DisabilityKind, IncomeKind, IncomePeriod, LeftBehindKind } from './codes.ts';
import { fenToYuan, yuanToFen } from './money.ts';

/** '' in a member select: the item belongs to the household as a whole. */
export const WHOLE_HOUSEHOLD = '';

export interface MemberFormValues extends Omit<MemberInput, 'disabilityKind' | 'disabilityGrade' | 'leftBehind' | 'phone'> {
  disabilityKind?: DisabilityKind | null;
  disabilityGrade?: DisabilityGrade | null;
  leftBehind?: LeftBehindKind | null;
  phone?: string;
}

export interface IncomeFormValues {
  memberIdNumber: string;
  kind: IncomeKind;
  amountYuan: number;
  period: IncomePeriod;
  source: string;
}

export interface AssetFormValues {
  memberIdNumber: string;
  kind: AssetKind;
  valueYuan: number;
  note?: string;
}

export type HouseholdFormValues = HouseholdFields;

export const MEMBER_FIELDS = [
  'idNumber', 'name', 'relation', 'hukou', 'workCapacity', 'disabilityKind', 'disabilityGrade',
  'seriousIllness', 'student', 'categories', 'leftBehind', 'phone',
] as const;
export const HOUSEHOLD_FIELDS = [
  'villageCode', 'hukou', 'address', 'phone', 'bankName', 'bankAccount', 'povertyFile', 'agricultural', 'categories', 'povertyCauses', 'mainPovertyCause',
] as const;
export const INCOME_FIELDS = ['memberIdNumber', 'kind', 'amountYuan', 'period', 'source'] as const;
export const ASSET_FIELDS = ['memberIdNumber', 'kind', 'valueYuan', 'note'] as const;
/** API leaf names that the forms call differently. */
export const RENAMED = { amountFen: 'amountYuan', valueFen: 'valueYuan' };

export const NEW_MEMBER: Partial<MemberFormValues> = {
  hukou: 'rural',
  workCapacity: 'full',
  seriousIllness: false,
  student: false,
  categories: [],
};

export const NEW_HOUSEHOLD: Partial<HouseholdFormValues> = {
  hukou: 'rural',
  phone: '',
  bankName: '',
  bankAccount: '',
  povertyFile: false,
  agricultural: true,
  categories: [],
  povertyCauses: [],
  mainPovertyCause: null,
};

export function toMember(v: MemberFormValues): MemberInput {
  const member: MemberInput = {
    idNumber: v.idNumber.trim().toUpperCase(),
    name: v.name.trim(),
    relation: v.relation,
    hukou: v.hukou,
    workCapacity: v.workCapacity,
    disabilityKind: v.disabilityKind ?? null,
    disabilityGrade: v.disabilityGrade ?? null,
    seriousIllness: v.seriousIllness,
    student: v.student,
    categories: v.categories ?? [],
    leftBehind: v.leftBehind ?? null,
  };
  const phone = v.phone?.trim();
  return phone ? { ...member, phone } : member;
}

export function fromMember(m: MemberView): MemberFormValues {
  const { sex: _sex, birthDate: _birth, phone, ...rest } = m;
  return phone ? { ...rest, phone } : rest;
}

export function toHouseholdFields(v: HouseholdFormValues): HouseholdFields {
  const causes = v.povertyCauses ?? [];
  return {
    hukou: v.hukou,
    address: v.address.trim(),
    phone: (v.phone ?? '').trim(),
    bankName: (v.bankName ?? '').trim(),
    bankAccount: (v.bankAccount ?? '').trim(),
    povertyFile: v.povertyFile,
    agricultural: v.agricultural,
    categories: v.categories ?? [],
    povertyCauses: causes,
    // A main cause no longer ticked is dropped: the server then keeps the first cause ticked.
    mainPovertyCause: v.mainPovertyCause && causes.includes(v.mainPovertyCause) ? v.mainPovertyCause : null,
  };
}

const memberOrNull = (id: string | undefined): string | null => (id ? id : null);

export function toIncome(v: IncomeFormValues): IncomeItem {
  return { memberIdNumber: memberOrNull(v.memberIdNumber), kind: v.kind, amountFen: yuanToFen(v.amountYuan), period: v.period, source: v.source.trim() };
}

export function fromIncome(i: IncomeItem): IncomeFormValues {
  return { memberIdNumber: i.memberIdNumber ?? WHOLE_HOUSEHOLD, kind: i.kind, amountYuan: fenToYuan(i.amountFen), period: i.period, source: i.source };
}

export function toAsset(v: AssetFormValues): AssetItem {
  return { memberIdNumber: memberOrNull(v.memberIdNumber), kind: v.kind, valueFen: yuanToFen(v.valueYuan), note: (v.note ?? '').trim() };
}

export function fromAsset(a: AssetItem): AssetFormValues {
  return { memberIdNumber: a.memberIdNumber ?? WHOLE_HOUSEHOLD, kind: a.kind, valueYuan: fenToYuan(a.valueFen), note: a.note };
}
