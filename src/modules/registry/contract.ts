// The registry part of the API contract shared with the web: the code lists the forms offer.
export {
  ASSET_KINDS, DISABILITY_KINDS, HOUSEHOLD_CATEGORIES, HUKOU_VALUES, INCOME_KINDS, INCOME_PERIODS, LEFT_BEHIND_KINDS, PERSON_CATEGORIES, POVERTY_CAUSES, RELATIONS, WORK_CAPACITIES,
} from './domain/types.ts';
export type {
  AssetKind, DisabilityKind, HouseholdCategory, Hukou, IncomeKind, IncomePeriod, LeftBehindKind, PersonCategory, PovertyCause, Relation, WorkCapacity,
} from './domain/types.ts';
// The same checks in the browser as on the server (the offline intake app validates with them).
export { householdPatchSchema, householdUpdateSchema, newHouseholdSchema } from './domain/schemas.ts';
export { sameFieldValue } from './domain/same-value.ts';
