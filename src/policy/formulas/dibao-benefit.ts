// Dibao benefit (补差, 社会救助暂行办法 art. 12; 审核审批办法（试行）art. 27; 审核确认办法 art. 23):
// each counted member receives the gap between their monthly standard and the household's per-capita
// income, plus their category top-up; under cn-2012 a three-nos person receives the full standard
// (城市居民最低生活保障条例 art. 8), a parameter per rule set. Each member's share is rounded to the
// rounding unit (a parameter) and the household total is the sum of the shares. Ineligible → 0.
import type { Trace } from '../explain.ts';
import type { Category, HouseholdFacts } from '../facts.ts';
import { roundToUnit } from '../money.ts';
import { assessDibao } from './dibao-eligibility.ts';
import { memberTopup } from './category-topup.ts';
import { isThreeNos } from './three-nos.ts';

export type MemberShare = { personId: string; gap: number; topupCategory: Category | null; topup: number; share: number };
export type DibaoBenefit = { eligible: boolean; perCapitaIncome: number; standard: number; total: number; members: MemberShare[] };

export function dibaoBenefit(t: Trace, household: HouseholdFacts): DibaoBenefit {
  const { assessment, members, standards } = assessDibao(t, household);
  const base = { eligible: assessment.eligible, perCapitaIncome: assessment.perCapitaIncome, standard: assessment.standard };
  if (!assessment.eligible) return { ...base, total: t.step('dibao_benefit.total', 0, 'fen_per_month'), members: [] };
  const fullForThreeNos = t.bool('dibao.benefit.three_nos_full_standard');
  const unit = t.fen('dibao.benefit.rounding_unit');
  const shares = members.map((person): MemberShare => {
    const standard = standards.get(person.id) ?? 0;
    const full = fullForThreeNos && isThreeNos(t, person);
    const gap = t.step(
      `dibao_benefit.${person.id}.gap`,
      full ? standard : Math.max(0, standard - assessment.perCapitaIncome),
      'fen_per_month',
    );
    const topup = memberTopup(t, household, person, standard);
    const share = t.step(`dibao_benefit.${person.id}.share`, roundToUnit(gap + topup.amount, unit), 'fen_per_month');
    return { personId: person.id, gap, topupCategory: topup.category, topup: topup.amount, share };
  });
  const total = t.step('dibao_benefit.total', shares.reduce((sum, s) => sum + s.share, 0), 'fen_per_month');
  return { ...base, total, members: shares };
}
