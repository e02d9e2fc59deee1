import { maskBankAccount, maskIdNumber, maskPhone } from '../../kernel/mask.ts';
import type { AssetTable, HouseholdTable, IncomeItemTable, MemberTable } from './tables.ts';
import type { Selectable } from 'kysely';

type HouseholdRow = Selectable<HouseholdTable> & { village_name: string };

export function householdView(h: HouseholdRow, masked: boolean) {
  return {
    householdNo: h.household_no,
    countyCode: h.county_code,
    villageCode: h.village_code,
    villageName: h.village_name,
    hukou: h.hukou,
    address: h.address,
    phone: masked ? maskPhone(h.phone) : h.phone,
    bankName: h.bank_name,
    bankAccount: masked ? maskBankAccount(h.bank_account) : h.bank_account,
    povertyFile: h.poverty_file,
    agricultural: h.agricultural,
    categories: h.categories,
    povertyCauses: h.poverty_causes,
    mainPovertyCause: h.main_poverty_cause,
    createdAt: h.created_at.toISOString(),
    updatedAt: h.updated_at.toISOString(),
  };
}

export function memberView(m: Selectable<MemberTable>, masked: boolean) {
  return {
    idNumber: masked ? maskIdNumber(m.id_number) : m.id_number,
    name: m.name,
    sex: m.sex,
    birthDate: m.birth_date,
    relation: m.relation,
    hukou: m.hukou,
    workCapacity: m.work_capacity,
    disabilityKind: m.disability_kind,
    disabilityGrade: m.disability_grade,
    seriousIllness: m.serious_illness,
    student: m.student,
    categories: m.categories,
    leftBehind: m.left_behind,
    phone: masked ? maskPhone(m.phone) : m.phone,
  };
}

export function incomeView(i: Selectable<IncomeItemTable>, idOf: Map<number, string>, masked: boolean) {
  const id = i.member_id === null ? null : (idOf.get(i.member_id) ?? null);
  return { memberIdNumber: id && masked ? maskIdNumber(id) : id, kind: i.kind, amountFen: i.amount_fen, period: i.period, source: i.source };
}

export function assetView(a: Selectable<AssetTable>, idOf: Map<number, string>, masked: boolean) {
  const id = a.member_id === null ? null : (idOf.get(a.member_id) ?? null);
  return { memberIdNumber: id && masked ? maskIdNumber(id) : id, kind: a.kind, valueFen: a.value_fen, note: a.note };
}

const SENSITIVE: Record<string, (v: string) => string> = { idNumber: maskIdNumber, memberIdNumber: maskIdNumber, phone: maskPhone, bankAccount: maskBankAccount };

/** Masks personal data anywhere inside a timeline's before/after snapshot. */
export function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && SENSITIVE[k] ? SENSITIVE[k](v) : maskDeep(v)]));
  }
  return value;
}
