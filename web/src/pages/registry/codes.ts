// Code lists of the registry API: the server's own (src/modules/registry/domain/types.ts); labels are in i18n.
export { HUKOU_VALUES, HOUSEHOLD_CATEGORIES, PERSON_CATEGORIES, RELATIONS, WORK_CAPACITIES, DISABILITY_KINDS, LEFT_BEHIND_KINDS, INCOME_KINDS, INCOME_PERIODS, ASSET_KINDS, POVERTY_CAUSES } from '../../../../src/modules/registry/contract.ts';
export type { Hukou, HouseholdCategory, PersonCategory, Relation, WorkCapacity, DisabilityKind, LeftBehindKind, IncomeKind, IncomePeriod, AssetKind, PovertyCause } from '../../../../src/modules/registry/contract.ts';

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** Categories the household search filters by (三无 … 建档立卡), in the order users expect them. */
export const SEARCH_CATEGORIES = [
  'three_nos',
  'elderly',
  'serious_illness_disability',
  'student',
  'family_planning',
  'single_parent',
  'left_behind_child',
  'left_behind_elder',
  'left_behind_woman',
  'poverty_file',
] as const;
export type SearchCategory = (typeof SEARCH_CATEGORIES)[number];

export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

/** Narrows a string from the API to one of `values`. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
