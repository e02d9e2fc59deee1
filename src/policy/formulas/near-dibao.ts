// Near-dibao household (低保边缘家庭, 最低生活保障审核确认办法 art. 8; 兜底通知 2022 §1(4); 低收入
// 人口监测意见 2023 §2): not eligible for dibao, per-capita income strictly below N × the standard
// (N = 1.5, a parameter), and property within limits. Used for monitoring and medical assistance.
import type { Trace } from '../explain.ts';
import type { HouseholdFacts } from '../facts.ts';
import { multiplyRounded } from '../money.ts';
import { assessDibao } from './dibao-eligibility.ts';

export type NearDibao = { nearDibao: boolean; dibaoEligible: boolean; perCapitaIncome: number; incomeLimit: number };

export function nearDibao(t: Trace, household: HouseholdFacts): NearDibao {
  const { assessment } = assessDibao(t, household);
  const factor = t.number('near_dibao.income_factor');
  const incomeLimit = t.step('near_dibao.income_limit', multiplyRounded(assessment.standard, factor), 'fen_per_person_month');
  const near = !assessment.eligible && assessment.perCapitaIncome < incomeLimit && assessment.propertyWithinLimits;
  return {
    nearDibao: t.step('near_dibao.near_dibao', near),
    dibaoEligible: assessment.eligible,
    perCapitaIncome: assessment.perCapitaIncome,
    incomeLimit,
  };
}
