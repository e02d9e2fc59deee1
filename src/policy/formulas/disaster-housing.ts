// Housing after a disaster (倒损住房恢复重建, 自然灾害救助条例 art. 19–20): a household whose house
// collapsed gets the rebuilding subsidy, one whose house was seriously or generally damaged the repair
// subsidy of that grade; a priority household (its type in disaster.housing.priority_household_types,
// e.g. 低保户, 分散供养特困人员) gets the grade's top-up on top. An undamaged house (grade none) gets 0
// and reads no amount.
import { z } from 'zod';
import type { Trace } from '../explain.ts';

export const DAMAGE_GRADES = ['collapsed', 'serious', 'general', 'none'] as const;
export type DamageGrade = (typeof DAMAGE_GRADES)[number];

export const housingClaimSchema = z.strictObject({
  grade: z.enum(DAMAGE_GRADES),
  /** ordinary, dibao, hardship_dispersed, poor_disabled …; priority when listed in the parameter. */
  householdType: z.string().min(1).default('ordinary'),
});
export type HousingClaim = z.input<typeof housingClaimSchema>;
export type DisasterHousing = { grade: DamageGrade; priority: boolean; base: number; topUp: number; amount: number };

const BASE_PARAMETER: Record<Exclude<DamageGrade, 'none'>, string> = {
  collapsed: 'disaster.housing.rebuild.collapsed',
  serious: 'disaster.housing.repair.serious',
  general: 'disaster.housing.repair.general',
};

export function disasterHousing(t: Trace, claim: z.output<typeof housingClaimSchema>): DisasterHousing {
  const { grade } = claim;
  if (grade === 'none') {
    return { grade, priority: false, base: 0, topUp: 0, amount: t.step('disaster.housing.amount', 0, 'fen') };
  }
  const base = t.step('disaster.housing.base', t.fen(BASE_PARAMETER[grade]), 'fen');
  const priority = t.step('disaster.housing.priority', t.list('disaster.housing.priority_household_types').includes(claim.householdType));
  const topUp = t.step('disaster.housing.priority_topup', priority ? t.fen(`disaster.housing.priority_topup.${grade}`) : 0, 'fen');
  return { grade, priority, base, topUp, amount: t.step('disaster.housing.amount', base + topUp, 'fen') };
}
