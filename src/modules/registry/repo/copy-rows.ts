/**
 * CSV lines for COPY into the registry tables (and their staging copies): NULL is an unquoted empty
 * field, an empty string is `""`, arrays are PostgreSQL array literals, booleans t/f.
 */
import type { Asset, Household, IncomeItem, Member } from '../domain/types.ts';

const NEEDS_QUOTES = /[",\r\n]/;

function q(v: string): string {
  if (v === '') return '""';
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
const nullable = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : q(String(v)));
const bool = (b: boolean) => (b ? 't' : 'f');
/** Codes only ([a-z_]): no element needs quoting inside the array literal. */
const arr = (xs: readonly string[]) => (xs.length === 0 ? '{}' : q(`{${xs.join(',')}}`));

export const HOUSEHOLD_COLUMNS = ['county_code', 'id', 'household_no', 'village_code', 'hukou', 'address', 'phone', 'bank_name', 'bank_account', 'poverty_file', 'agricultural', 'categories', 'poverty_causes', 'main_poverty_cause'] as const;
export const MEMBER_COLUMNS = ['county_code', 'id', 'household_id', 'id_number', 'name', 'sex', 'birth_date', 'relation', 'hukou', 'work_capacity', 'disability_kind', 'disability_grade', 'serious_illness', 'student', 'categories', 'left_behind', 'phone'] as const;
export const PERSON_INDEX_COLUMNS = ['id_number', 'county_code', 'member_id', 'household_id'] as const;
/** Without id: the table's default (nextval) fills it. */
export const INCOME_COLUMNS = ['county_code', 'household_id', 'member_id', 'kind', 'amount_fen', 'period', 'source'] as const;
export const ASSET_COLUMNS = ['county_code', 'household_id', 'member_id', 'kind', 'value_fen', 'note'] as const;

export function householdLine(id: number, h: Household, extra = ''): string {
  return `${h.countyCode},${id},${h.householdNo},${h.villageCode},${h.hukou},${q(h.address)},${q(h.phone)},${q(h.bankName)},${q(h.bankAccount)},${bool(h.povertyFile)},${bool(h.agricultural)},${arr(h.categories)},${arr(h.povertyCauses ?? [])},${nullable(h.mainPovertyCause)}${extra}\n`;
}

export function memberLine(countyCode: string, id: number, householdId: number, m: Member, extra = ''): string {
  return `${countyCode},${id},${householdId},${m.idNumber},${q(m.name)},${m.sex},${m.birthDate},${m.relation},${m.hukou},${m.workCapacity},${nullable(m.disabilityKind)},${nullable(m.disabilityGrade)},${bool(m.seriousIllness)},${bool(m.student)},${arr(m.categories)},${nullable(m.leftBehind)},${q(m.phone ?? '')}${extra}\n`;
}

export function personIndexLine(countyCode: string, memberId: number, householdId: number, idNumber: string): string {
  return `${idNumber},${countyCode},${memberId},${householdId}\n`;
}

export function incomeLine(countyCode: string, householdId: number, memberId: number | null, i: IncomeItem, extra = ''): string {
  return `${countyCode},${householdId},${nullable(memberId)},${i.kind},${i.amountFen},${i.period},${q(i.source)}${extra}\n`;
}

export function assetLine(countyCode: string, householdId: number, memberId: number | null, a: Asset, extra = ''): string {
  return `${countyCode},${householdId},${nullable(memberId)},${a.kind},${a.valueFen},${q(a.note)}${extra}\n`;
}

/** The CSV of a batch of records with ids already assigned. */
export interface RegistryCsv {
  households: string[];
  members: string[];
  personIndex: string[];
  incomes: string[];
  assets: string[];
  memberCount: number;
}

export function emptyCsv(): RegistryCsv {
  return { households: [], members: [], personIndex: [], incomes: [], assets: [], memberCount: 0 };
}

/**
 * Appends one household to `out`. `ids` hands out registry ids (household first, then members);
 * `extra` is appended to each line (`,<import_id>` for the staging tables).
 */
export function addRecord(out: RegistryCsv, h: Household, members: readonly Member[], incomes: readonly IncomeItem[], assets: readonly Asset[], ids: () => number, extra = ''): void {
  const hid = ids();
  out.households.push(householdLine(hid, h, extra));
  const memberIds = new Map<string, number>();
  for (const m of members) {
    const mid = ids();
    memberIds.set(m.idNumber, mid);
    out.members.push(memberLine(h.countyCode, mid, hid, m, extra));
    out.personIndex.push(personIndexLine(h.countyCode, mid, hid, m.idNumber));
    out.memberCount++;
  }
  const mid = (id: string | null) => (id === null ? null : (memberIds.get(id) ?? null));
  for (const i of incomes) out.incomes.push(incomeLine(h.countyCode, hid, mid(i.memberIdNumber), i, extra));
  for (const a of assets) out.assets.push(assetLine(h.countyCode, hid, mid(a.memberIdNumber), a, extra));
}
