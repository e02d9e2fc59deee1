// Countable income (最低生活保障审核确认办法 art. 13; 2012: 审核审批办法（试行）art. 16): wages, net
// business, property and transfer income, minus the deductions the rule set allows (taxes, social
// insurance, support paid, job costs, and from 2021 rigid expenses), leaving out the excluded kinds
// (assistance, veterans' pensions, family-planning rewards, scholarships, bravery awards; from 2021
// also the basic residents' pension). Both lists are parameters. Yearly items count as 1/12 a month.
import type { Trace } from '../explain.ts';
import { DEDUCTION_KINDS, type IncomeItem } from '../facts.ts';
import { divideRounded } from '../money.ts';

/** Twelve times the monthly amount, so yearly items stay exact integers. */
function twelveMonths(item: IncomeItem): number {
  return item.period === 'month' ? item.amount * 12 : item.amount;
}

/**
 * Net countable monthly income of `items` divided among `persons`, rounded half up to the fen.
 * `label` prefixes the step names (e.g. "dibao.income" or "hardship.income.p1").
 */
export function netMonthlyIncomePerPerson(
  t: Trace,
  label: string,
  items: readonly IncomeItem[],
  persons: number,
  excludedParameter: string,
): number {
  const excludedKinds = new Set(t.list(excludedParameter));
  const deductionKinds = new Set(t.list('dibao.income.deduction_kinds'));
  let counted = 0;
  let excluded = 0;
  let deducted = 0;
  for (const item of items) {
    const amount = twelveMonths(item);
    if (DEDUCTION_KINDS.includes(item.kind)) {
      if (deductionKinds.has(item.kind)) deducted += amount;
    } else if (excludedKinds.has(item.kind)) excluded += amount;
    else counted += amount;
  }
  t.step(`${label}.counted_monthly`, divideRounded(counted, 12), 'fen_per_month');
  t.step(`${label}.excluded_monthly`, divideRounded(excluded, 12), 'fen_per_month');
  t.step(`${label}.deducted_monthly`, divideRounded(deducted, 12), 'fen_per_month');
  const net = Math.max(0, counted - deducted);
  return t.step(`${label}.per_capita_monthly`, divideRounded(net, 12 * persons), 'fen_per_person_month');
}
