// Category top-up (分类施保; 社会救助暂行办法 art. 12, 审核确认办法 art. 27; 黔南州 2015: urban +10–30%,
// rural +20% of the standard for three-nos persons, the elderly, the seriously ill or severely disabled,
// students, family-planning and single-parent households). A member falls in several categories but is
// counted once, at the highest rate; the rate per category and hukou is a parameter.
import { ageOn } from '../dates.ts';
import type { Trace } from '../explain.ts';
import type { Category, HouseholdFacts, PersonFacts } from '../facts.ts';
import { multiplyRounded } from '../money.ts';
import { isThreeNos } from './three-nos.ts';

export type MemberTopup = { category: Category | null; rate: number; amount: number };

/** Categories a member falls in: stated ones, the household's, and those that follow from the facts. */
export function memberCategories(t: Trace, household: HouseholdFacts, person: PersonFacts): Category[] {
  const found = new Set<Category>([...person.categories, ...household.categories]);
  if (ageOn(person.birthDate, t.date) >= t.number('dibao.topup.elderly_age')) found.add('elderly');
  if (person.student) found.add('student');
  const severe = person.disability !== null && person.disability.grade <= t.number('dibao.topup.severe_disability_max_grade');
  if (person.seriousIllness || severe) found.add('serious_illness_disability');
  if (isThreeNos(t, person)) found.add('three_nos');
  return t.step(`topup.${person.id}.categories`, [...found].sort());
}

/** The member's top-up: their highest category rate × their monthly standard, in fen. */
export function memberTopup(t: Trace, household: HouseholdFacts, person: PersonFacts, standard: number): MemberTopup {
  let best: MemberTopup = { category: null, rate: 0, amount: 0 };
  for (const category of memberCategories(t, household, person)) {
    const rate = t.number(`dibao.topup.rate.${person.hukou}.${category}`);
    if (rate > best.rate) best = { category, rate, amount: 0 };
  }
  best.amount = multiplyRounded(standard, best.rate);
  t.step(`topup.${person.id}.rate`, best.rate, 'ratio');
  t.step(`topup.${person.id}.amount`, best.amount, 'fen_per_month');
  return best;
}
