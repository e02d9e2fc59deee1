// The entities formulas read: a household (the unit of dibao, 社会救助暂行办法 art. 9) and its
// members, with incomes and assets for a period. Schemas double as input validation for the API and
// the legislation tests; defaults make test cases short. Money is integer fen.
import { z } from 'zod';
import { isAreaCode } from './area.ts';
import { isIsoDate } from './dates.ts';

const fen = z.number().int();
const isoDate = z.string().refine(isIsoDate, 'must be YYYY-MM-DD');

export const INCOME_KINDS = [
  'wages', 'business', 'property', 'transfer', 'support_received', 'pension_basic', 'pension_other',
  'social_assistance', 'veterans_pension', 'family_planning_reward', 'scholarship', 'bravery_award',
  'old_age_allowance', 'other',
  // Deductions (subtracted when listed in the rule set's deduction parameter):
  'job_costs', 'income_tax', 'social_insurance_contribution', 'support_paid', 'rigid_expense',
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];
/** Kinds that reduce income when the rule set's deduction list names them; never counted as income. */
export const DEDUCTION_KINDS: readonly IncomeKind[] = ['job_costs', 'income_tax', 'social_insurance_contribution', 'support_paid', 'rigid_expense'];

export const incomeItemSchema = z.strictObject({
  kind: z.enum(INCOME_KINDS),
  /** Integer fen for the period below. */
  amount: fen.nonnegative(),
  period: z.enum(['month', 'year']),
  source: z.string().optional(),
});
export type IncomeItem = z.infer<typeof incomeItemSchema>;

/** 分类施保 categories (黔南州 2015): person-level, or household-level for the last two. */
export const CATEGORIES = [
  'three_nos', 'elderly', 'serious_illness_disability', 'student', 'family_planning', 'single_parent',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DISABILITY_KINDS = ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'] as const;

export const SELF_CARE_ITEMS = ['eating', 'dressing', 'bedTransfer', 'toileting', 'indoorWalking', 'bathing'] as const;
/** Six-item self-care assessment (特困人员认定办法 art. 20): true = the person can do it. */
export const selfCareSchema = z.strictObject(
  Object.fromEntries(SELF_CARE_ITEMS.map((item) => [item, z.boolean()])) as Record<(typeof SELF_CARE_ITEMS)[number], z.ZodBoolean>,
);

export const personFactsSchema = z.strictObject({
  id: z.string().min(1),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']).default('female'),
  hukou: z.enum(['urban', 'rural']),
  relation: z.enum(['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other']).default('head'),
  workCapacity: z.enum(['full', 'partial', 'none']).default('full'),
  disability: z.strictObject({ kind: z.enum(DISABILITY_KINDS), grade: z.number().int().min(1).max(4) }).nullable().default(null),
  seriousIllness: z.boolean().default(false),
  student: z.boolean().default(false),
  categories: z.array(z.enum(CATEGORIES)).default([]),
  incomes: z.array(incomeItemSchema).default([]),
  selfCare: selfCareSchema.nullable().default(null),
  /** Not counted in the household (审核确认办法 art. 7): serving a sentence, compulsory drug rehab, declared missing. */
  excluded: z.enum(['prisoner', 'compulsory_rehab', 'missing']).nullable().default(null),
  /** Clergy living in a religious venue since this date (excluded after N years, a parameter). */
  clergyAwaySince: isoDate.nullable().default(null),
  hasLegalSupporter: z.boolean().default(true),
  supporterAble: z.boolean().default(true),
  hardshipSupportMode: z.enum(['institutional', 'home_based']).default('home_based'),
});
export type PersonFacts = z.infer<typeof personFactsSchema>;

export const VEHICLE_KINDS = ['car', 'truck', 'motorcycle', 'disability_mobility', 'farm_machine'] as const;

export const assetsSchema = z.strictObject({
  /** Deposits, securities, funds, commercial insurance, internet financial assets: integer fen. */
  deposits: fen.nonnegative().default(0),
  vehicles: z.array(z.enum(VEHICLE_KINDS)).default([]),
  businessRegistered: z.boolean().default(false),
  houses: z.number().int().nonnegative().default(1),
});

export const householdFactsSchema = z.strictObject({
  id: z.string().optional(),
  /** The village (12-digit) code where the household is registered. */
  areaCode: z.string().refine(isAreaCode, 'must be an area code'),
  members: z.array(personFactsSchema).min(1),
  incomes: z.array(incomeItemSchema).default([]),
  assets: assetsSchema.default({ deposits: 0, vehicles: [], businessRegistered: false, houses: 1 }),
  categories: z.array(z.enum(['family_planning', 'single_parent'])).default([]),
});
export type HouseholdFacts = z.infer<typeof householdFactsSchema>;
export type HouseholdFactsInput = z.input<typeof householdFactsSchema>;

export function findMember(household: HouseholdFacts, personId: string): PersonFacts {
  const person = household.members.find((m) => m.id === personId);
  if (!person) throw new Error(`No member "${personId}" in household`);
  return person;
}
