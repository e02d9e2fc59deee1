// Temporary assistance (临时救助, 社会救助暂行办法 art. 47–49; 临时救助意见 2018 §2): amount = monthly
// dibao standard × persons × months, months capped by a parameter (default 6), using the standards of
// the area where the emergency happened (低收入人口监测意见 2023 §4(3): no hukou restriction). The
// expenditure type requires per-capita income below the previous-year local per-capita disposable
// income and property within limits; the emergency type is paid first and checked afterwards. The
// township approves up to a limit, the county above, and large cases go to one-case-one-decision.
import { z } from 'zod';
import { isAreaCode } from '../area.ts';
import type { Trace } from '../explain.ts';
import type { HouseholdFacts } from '../facts.ts';
import { divideRounded } from '../money.ts';
import { countedMembers } from './household-members.ts';
import { memberStandards } from './dibao-standard.ts';
import { perCapitaMonthlyIncome } from './per-capita-income.ts';
import { propertyWithinLimits } from './property-limits.ts';

export const temporaryClaimSchema = z.strictObject({
  kind: z.enum(['emergency', 'expenditure']),
  months: z.number().int().positive(),
  incidentAreaCode: z.string().refine(isAreaCode).optional(),
});
export type TemporaryClaim = z.infer<typeof temporaryClaimSchema>;

export type ApprovalLevel = 'township' | 'county' | 'one_case_one_decision';
/** `persons`: the counted members the amount is for (the standard of each, times the months). */
export type TemporaryAssistance = { eligible: boolean; persons: number; months: number; amount: number; approvalLevel: ApprovalLevel | null };

/** Run with a Trace whose area is `claim.incidentAreaCode ?? household.areaCode`. */
export function temporaryAssistance(t: Trace, household: HouseholdFacts, claim: TemporaryClaim): TemporaryAssistance {
  const members = countedMembers(t, household);
  const standards = memberStandards(t, members);
  const standardSum = [...standards.values()].reduce((a, b) => a + b, 0);
  let eligible = true;
  if (claim.kind === 'expenditure') {
    const income = perCapitaMonthlyIncome(t, household, members);
    const limit = t.step('temporary.income_limit_monthly', divideRounded(t.fen('temporary.expenditure_income_limit'), 12), 'fen_per_person_month');
    eligible = income < limit && propertyWithinLimits(t, household, standardSum).withinLimits;
  }
  t.step('temporary.eligible', eligible);
  if (!eligible) return { eligible, persons: 0, months: 0, amount: 0, approvalLevel: null };
  const months = t.step('temporary.months', Math.min(claim.months, t.number('temporary.months_cap')), 'months');
  const amount = t.step('temporary.amount', standardSum * months, 'fen');
  const level: ApprovalLevel = amount <= t.fen('temporary.township_approval_limit') ? 'township'
    : amount <= t.fen('temporary.one_case_one_decision_threshold') ? 'county' : 'one_case_one_decision';
  return { eligible, persons: members.length, months, amount, approvalLevel: t.step('temporary.approval_level', level) };
}
