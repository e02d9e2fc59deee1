// How a registry household becomes the HouseholdFacts the formulas read (written once; the
// simulator's SQL uses the same maps). The registry holds no exclusion (prison, rehab, missing,
// clergy), no supporter and no self-care data: every member counts, has a legal supporter able to
// support (so three-nos follows the recorded category), and has no self-care assessment.
import type { Selectable } from 'kysely';
import { householdFactsSchema, type HouseholdFacts, type IncomeKind } from '../../policy/index.ts';
import type { AssetTable, HouseholdTable, IncomeItemTable, MemberTable } from './tables.ts';

/** Registry income kind → policy income kind; a pension is the basic residents' pension when its source says so. */
export const INCOME_KIND_MAP: Record<string, IncomeKind> = {
  wage: 'wages',
  business: 'business',
  agriculture: 'business',
  property: 'property',
  transfer: 'transfer',
  pension: 'pension_other',
  assistance: 'social_assistance',
  other: 'other',
};
/** A pension whose source names the residents' scheme (城乡居民基本养老保险) is the basic pension. */
export const BASIC_PENSION_SOURCE = '城乡居民';

export function policyIncomeKind(kind: string, source: string): IncomeKind {
  if (kind === 'pension' && source.includes(BASIC_PENSION_SOURCE)) return 'pension_basic';
  return INCOME_KIND_MAP[kind] ?? 'other';
}

type VehicleKind = HouseholdFacts['assets']['vehicles'][number];
/** A vehicle's kind read from its note, first match wins; otherwise a car. */
export const VEHICLE_NOTE_PATTERNS: readonly [string, VehicleKind][] = [
  ['残疾', 'disability_mobility'],
  ['农用', 'farm_machine'],
  ['农机', 'farm_machine'],
  ['摩托', 'motorcycle'],
  ['货车', 'truck'],
];

export function vehicleKind(note: string): VehicleKind {
  return VEHICLE_NOTE_PATTERNS.find(([p]) => note.includes(p))?.[1] ?? 'car';
}

export type RegistryHousehold = {
  household: Pick<Selectable<HouseholdTable>, 'household_no' | 'village_code' | 'categories'>;
  members: Selectable<MemberTable>[];
  incomes: Selectable<IncomeItemTable>[];
  assets: Selectable<AssetTable>[];
};

/** Person ids in the facts are the members' row ids, as text. */
export function householdFactsFromRegistry({ household, members, incomes, assets }: RegistryHousehold): HouseholdFacts {
  const income = (i: Selectable<IncomeItemTable>) => ({ kind: policyIncomeKind(i.kind, i.source), amount: Number(i.amount_fen), period: i.period, source: i.source });
  return householdFactsSchema.parse({
    id: household.household_no,
    areaCode: household.village_code,
    categories: household.categories.filter((c) => c === 'family_planning' || c === 'single_parent'),
    members: members.map((m) => ({
      id: String(m.id),
      birthDate: m.birth_date,
      sex: m.sex,
      hukou: m.hukou,
      relation: m.relation,
      workCapacity: m.work_capacity,
      disability: m.disability_kind !== null && m.disability_grade !== null ? { kind: m.disability_kind, grade: m.disability_grade } : null,
      seriousIllness: m.serious_illness,
      student: m.student,
      categories: m.categories,
      incomes: incomes.filter((i) => i.member_id !== null && Number(i.member_id) === Number(m.id)).map(income),
    })),
    incomes: incomes.filter((i) => i.member_id === null || !members.some((m) => Number(m.id) === Number(i.member_id))).map(income),
    assets: {
      deposits: assets.filter((a) => a.kind === 'deposit' || a.kind === 'securities').reduce((s, a) => s + Number(a.value_fen), 0),
      vehicles: assets.filter((a) => a.kind === 'vehicle').map((a) => vehicleKind(a.note)),
      businessRegistered: assets.some((a) => a.kind === 'business'),
      houses: assets.filter((a) => a.kind === 'house').length,
    },
  });
}
