// Per-capita monthly household income for dibao (社会救助暂行办法 art. 9; 审核确认办法 art. 13):
// the countable income of the household and of every counted member, divided by the number of
// counted members (excluded persons neither add income nor count as heads).
import type { Trace } from '../explain.ts';
import type { HouseholdFacts, PersonFacts } from '../facts.ts';
import { netMonthlyIncomePerPerson } from './income.ts';

export function perCapitaMonthlyIncome(t: Trace, household: HouseholdFacts, members: readonly PersonFacts[]): number {
  const items = [...household.incomes, ...members.flatMap((m) => m.incomes)];
  return netMonthlyIncomePerPerson(t, 'dibao.income', items, members.length, 'dibao.income.excluded_kinds');
}

/** One person's own countable monthly income (single-person dibao, three-nos test). */
export function personMonthlyIncome(t: Trace, person: PersonFacts, excludedParameter = 'dibao.income.excluded_kinds'): number {
  return netMonthlyIncomePerPerson(t, `income.${person.id}`, person.incomes, 1, excludedParameter);
}
