// Hardship support amount per month (社会救助暂行办法 art. 15, 19; 特困人员认定办法 art. 19–21). Basic
// living: the prefecture's yearly standard for the chosen form (institutional or home-based; 黔南州
// 2015: 3500 / 2200 yuan) divided by 12, but from Guizhou's 2017 rule at least N × the monthly dibao
// standard (N = 1.3; before the rule N is 0); plus the care standard of the person's self-care level
// (0 before the rule). The dated parameters carry the change; the formula does not look at the year.
import type { Trace } from '../explain.ts';
import { findMember, type HouseholdFacts } from '../facts.ts';
import { divideRounded, multiplyRounded, roundToUnit } from '../money.ts';
import { dibaoStandardMonthly } from './dibao-standard.ts';
import { type SelfCareLevel, selfCareLevel } from './self-care-level.ts';

export type HardshipSupport = {
  mode: 'institutional' | 'home_based';
  selfCare: SelfCareLevel;
  basicLiving: number;
  care: number;
  monthly: number;
};

export function hardshipSupport(t: Trace, household: HouseholdFacts, personId: string): HardshipSupport {
  const person = findMember(household, personId);
  const mode = person.hardshipSupportMode;
  const fixed = t.step(`hardship_support.${personId}.fixed_monthly`, divideRounded(t.fen(`hardship.support.${mode}`), 12), 'fen_per_month');
  const factor = t.number('hardship.support.basic_living_factor');
  const floor = factor === 0 ? 0 : multiplyRounded(dibaoStandardMonthly(t, person.hukou), factor);
  t.step(`hardship_support.${personId}.dibao_multiple`, floor, 'fen_per_month');
  const basicLiving = t.step(`hardship_support.${personId}.basic_living`, Math.max(fixed, floor), 'fen_per_month');
  const level = selfCareLevel(t, person);
  const care = t.step(`hardship_support.${personId}.care`, t.fen(`hardship.support.care.${level}`), 'fen_per_month');
  const unit = t.fen('hardship.support.rounding_unit');
  const monthly = t.step(`hardship_support.${personId}.monthly`, roundToUnit(basicLiving + care, unit), 'fen_per_month');
  return { mode, selfCare: level, basicLiving, care, monthly };
}
