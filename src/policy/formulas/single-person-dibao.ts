// Single-person dibao (单人保, 最低生活保障审核确认办法 art. 8, cn-2021): in a household that does not
// qualify but whose per-capita income is below N × the standard (N = 1.5) with property within limits,
// a member with a grade 1–2 disability, a grade 1–3 intellectual or mental disability, or a serious
// illness may receive dibao alone: the gap between their standard and their own income, plus top-up.
// Whether the rule exists at all is a parameter per rule set (false under cn-2012).
import type { Trace } from '../explain.ts';
import type { HouseholdFacts, PersonFacts } from '../facts.ts';
import { multiplyRounded, roundToUnit } from '../money.ts';
import { memberTopup } from './category-topup.ts';
import { assessDibao } from './dibao-eligibility.ts';
import { personMonthlyIncome } from './per-capita-income.ts';

export type SinglePersonShare = { personId: string; ownIncome: number; gap: number; topup: number; share: number };
export type SinglePersonDibao = { available: boolean; householdEligible: boolean; incomeLimit: number; members: SinglePersonShare[]; total: number };

function qualifies(t: Trace, person: PersonFacts): boolean {
  if (person.seriousIllness) return true;
  if (person.disability === null) return false;
  const { kind, grade } = person.disability;
  const intellectualOrMental = kind === 'intellectual' || kind === 'mental';
  return grade <= t.number(intellectualOrMental
    ? 'dibao.single_person.max_disability_grade_intellectual_mental'
    : 'dibao.single_person.max_disability_grade');
}

export function singlePersonDibao(t: Trace, household: HouseholdFacts): SinglePersonDibao {
  const none = { members: [], total: 0 };
  if (!t.step('single_person.available', t.bool('dibao.single_person.available'))) {
    return { available: false, householdEligible: false, incomeLimit: 0, ...none };
  }
  const { assessment, members, standards } = assessDibao(t, household);
  const factor = t.number('dibao.single_person.income_factor');
  const incomeLimit = t.step('single_person.income_limit', multiplyRounded(assessment.standard, factor), 'fen_per_person_month');
  // A qualifying household gets dibao as a whole: no single-person dibao (兜底通知 2022 §1(1)).
  const applies = !assessment.eligible && assessment.perCapitaIncome < incomeLimit && assessment.propertyWithinLimits;
  if (!t.step('single_person.household_near_dibao', applies)) {
    return { available: true, householdEligible: assessment.eligible, incomeLimit, ...none };
  }
  const unit = t.fen('dibao.benefit.rounding_unit');
  const shares = members.filter((m) => qualifies(t, m)).map((person): SinglePersonShare => {
    const standard = standards.get(person.id) ?? 0;
    const ownIncome = personMonthlyIncome(t, person);
    const gap = Math.max(0, standard - ownIncome);
    const topup = memberTopup(t, household, person, standard).amount;
    const share = t.step(`single_person.${person.id}.share`, roundToUnit(gap + topup, unit), 'fen_per_month');
    return { personId: person.id, ownIncome, gap, topup, share };
  });
  const total = t.step('single_person.total', shares.reduce((s, m) => s + m.share, 0), 'fen_per_month');
  return { available: true, householdEligible: false, incomeLimit, members: shares, total };
}
