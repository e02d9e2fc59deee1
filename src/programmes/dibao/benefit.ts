// 低保金: the dibao formula on the household's registry facts at the decision date (补差 per member plus
// 分类施保 top-ups), frozen with its explanation; the statistics keep the gap and the top-up persons.
import { dibaoBenefit, explain } from '../../policy/index.ts';
import { yuan } from '../../kernel/money.ts';
import type { CaseContext } from '../../workflow/definition.ts';
import type { Benefit } from '../types.ts';

/** Why the formula grants nothing (also the caseload import's warning, from the SQL twin's figures). */
export const notEligibleMessage = (perCapitaIncome: number, standard: number) =>
  `按家庭登记信息不符合低保条件（家庭人均月收入 ${yuan(perCapitaIncome)} 元，保障标准 ${yuan(standard)} 元），不能批准；请核实登记信息或作出不予批准决定`;

export const dibaoBenefitOf: Benefit<CaseContext>['decide'] = ({ household, params, ruleSet, date }) => {
  const out = explain({ params, period: date, ruleSet }, household.areaCode, (t) => dibaoBenefit(t, household));
  const v = out.value;
  if (!v.eligible) {
    return { code: 'not_eligible', status: 409, message: notEligibleMessage(v.perCapitaIncome, v.standard) };
  }
  return {
    amountFen: v.total,
    persons: v.members.length,
    summary: { gap: v.members.reduce((s, m) => s + m.gap, 0), topup: v.members.filter((m) => m.topup > 0).length },
    explanation: { formula: 'dibao_benefit', ruleSet, period: date, value: v, steps: out.steps },
  };
};

export const dibaoBenefitDefinition: Benefit<CaseContext> = { schedule: 'monthly', payee: 'recipient', decide: dibaoBenefitOf };
