// 政策性农房保险 (policy rural housing insurance): the insurer pays a damaged insured house a share of the
// sum insured of its structure by the damage grade — collapsed, serious, general at
// insurance.housing.grade_ratio.<grade> — never more than the assessed loss where
// insurance.housing.cap_at_assessed_loss holds (indemnity). An undamaged house (grade none) gets 0.
// The stacking rule insurance.housing.stacking says how the payment meets the housing subsidy of the
// disaster module: `both` (both paid in full, the Guizhou practice) or `deduct` (the subsidy is reduced
// by the insurance payment, never below 0).
import { z } from 'zod';
import type { Trace } from '../explain.ts';
import { DAMAGE_GRADES } from './disaster-housing.ts';

const fen = z.number().int().nonnegative();

export const insurancePayableSchema = z.strictObject({
  grade: z.enum(DAMAGE_GRADES),
  /** The policy's sum insured per house of the house's structure. */
  sumInsuredFen: fen,
  /** The assessed loss; left out, no cap applies. */
  assessedLossFen: fen.optional(),
});
export type InsurancePayableClaim = z.input<typeof insurancePayableSchema>;
export type InsurancePayable = { ratio: number; byGrade: number; capped: boolean; payable: number };

export function insurancePayable(t: Trace, claim: z.output<typeof insurancePayableSchema>): InsurancePayable {
  if (claim.grade === 'none') return { ratio: 0, byGrade: 0, capped: false, payable: t.step('insurance.housing.payable', 0, 'fen') };
  const ratio = t.step('insurance.housing.ratio', t.number(`insurance.housing.grade_ratio.${claim.grade}`));
  const byGrade = t.step('insurance.housing.by_grade', Math.round(claim.sumInsuredFen * ratio), 'fen');
  const cap = claim.assessedLossFen !== undefined && t.bool('insurance.housing.cap_at_assessed_loss');
  const capped = t.step('insurance.housing.capped_at_loss', cap && claim.assessedLossFen !== undefined && claim.assessedLossFen < byGrade);
  return { ratio, byGrade, capped, payable: t.step('insurance.housing.payable', capped && claim.assessedLossFen !== undefined ? claim.assessedLossFen : byGrade, 'fen') };
}

export const insuranceStackingSchema = z.strictObject({
  /** What the insurer paid for the house in the event. */
  insurancePaidFen: fen,
  /** The housing subsidy decided for the household in the event. */
  subsidyFen: fen,
});
export type InsuranceStacking = { rule: 'both' | 'deduct'; allowedSubsidy: number; excess: number };

/** How much of the decided subsidy the stacking rule allows, and the excess over it. */
export function insuranceStacking(t: Trace, c: z.output<typeof insuranceStackingSchema>): InsuranceStacking {
  const raw = t.text('insurance.housing.stacking');
  if (raw !== 'both' && raw !== 'deduct') throw new Error(`Parameter "insurance.housing.stacking" must be both or deduct, not ${raw}`);
  const rule = t.step('insurance.housing.stacking_rule', raw);
  const allowedSubsidy = t.step('insurance.housing.allowed_subsidy', rule === 'both' ? c.subsidyFen : Math.max(0, c.subsidyFen - c.insurancePaidFen), 'fen');
  return { rule, allowedSubsidy, excess: t.step('insurance.housing.excess', c.subsidyFen - allowedSubsidy, 'fen') };
}
