// Three-nos person (三无人员: 城市居民最低生活保障条例 art. 8; 社会救助暂行办法 art. 14): no work
// capacity, no source of income, and no legal supporter (or the supporter cannot support).
// Excluded income kinds (assistance, pensions for veterans…) do not make a source of income.
import type { Trace } from '../explain.ts';
import { DEDUCTION_KINDS, type PersonFacts } from '../facts.ts';

export function isThreeNos(t: Trace, person: PersonFacts): boolean {
  if (person.categories.includes('three_nos')) return true;
  if (person.workCapacity !== 'none' || (person.hasLegalSupporter && person.supporterAble)) return false;
  const excluded = new Set(t.list('dibao.income.excluded_kinds'));
  return !person.incomes.some((i) => i.amount > 0 && !excluded.has(i.kind) && !DEDUCTION_KINDS.includes(i.kind));
}
