// Code lists of the registry API (mirrors src/modules/registry/domain/types.ts); labels are in i18n.

export const HUKOU_VALUES = ['urban', 'rural'] as const;
export type Hukou = (typeof HUKOU_VALUES)[number];

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const HOUSEHOLD_CATEGORIES = ['family_planning', 'single_parent'] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

export const PERSON_CATEGORIES = ['three_nos', 'elderly', 'serious_illness_disability', 'student'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

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

export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export const WORK_CAPACITIES = ['full', 'partial', 'none'] as const;
export type WorkCapacity = (typeof WORK_CAPACITIES)[number];

export const DISABILITY_KINDS = ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'] as const;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];

export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

export const LEFT_BEHIND_KINDS = ['child', 'elder', 'woman'] as const;
export type LeftBehindKind = (typeof LEFT_BEHIND_KINDS)[number];

export const INCOME_KINDS = ['wage', 'business', 'agriculture', 'property', 'transfer', 'pension', 'assistance', 'other'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const INCOME_PERIODS = ['month', 'year'] as const;
export type IncomePeriod = (typeof INCOME_PERIODS)[number];

export const ASSET_KINDS = ['house', 'vehicle', 'deposit', 'securities', 'business', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** Narrows a string from the API to one of `values`. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
