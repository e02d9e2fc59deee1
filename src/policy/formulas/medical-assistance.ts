// Medical assistance payable (医疗救助, 社会救助暂行办法 art. 28–29; 国办发〔2015〕30号; 国办发〔2021〕42号):
// of the policy-covered cost the person still bears after basic insurance and critical-illness
// insurance (the hospital's 政策范围内个人自付 when it gives one), the part above the group's yearly
// deductible still unused is paid at the group's ratio, up to what remains of the group's annual cap
// after what was already paid this year (claims and hospital settlements alike). A 重特大疾病 episode
// has a ratio and a cap of its own. Under cn-2021 an inpatient episode whose burden after that is still
// heavy gets 倾斜救助: the part of the remaining burden above a threshold at a further ratio, up to a
// yearly cap of its own. Every number is a parameter per group (and kind), dated per area.
import { z } from 'zod';
import type { Trace } from '../explain.ts';
import { multiplyRounded, roundToUnit } from '../money.ts';

const fen = z.number().int().nonnegative();
export const medicalClaimSchema = z.strictObject({
  group: z.enum(['dibao', 'hardship', 'near_dibao']),
  kind: z.enum(['inpatient', 'outpatient']),
  /** 重特大疾病: its own ratio and cap. */
  critical: z.boolean().default(false),
  cost: fen,
  /** 基本医保 paid. */
  insuranceReimbursement: fen,
  /** 大病保险 paid. */
  criticalInsurance: fen.default(0),
  /** 政策范围内个人自付 as the hospital settled it; at most what insurance left. */
  eligibleSelfPay: fen.optional(),
  /** Assistance already paid this year toward the same cap (same kind, or 重特大). */
  paidThisYear: fen.default(0),
  deductibleUsedThisYear: fen.default(0),
  /** 倾斜救助 already paid this year. */
  tiltPaidThisYear: fen.default(0),
});
export type MedicalClaim = z.input<typeof medicalClaimSchema>;
export interface MedicalAssistance {
  selfPay: number;
  deductible: number;
  deductibleUsed: number;
  assessable: number;
  computed: number;
  /** The ordinary (or 重特大) assistance, after the cap. */
  ordinary: number;
  capHit: boolean;
  /** 倾斜救助. */
  tilt: number;
  tiltCapHit: boolean;
  payable: number;
}

export function medicalAssistance(t: Trace, input: MedicalClaim): MedicalAssistance {
  const claim = medicalClaimSchema.parse(input);
  const g = claim.group;
  const bucket = claim.critical ? 'medical.critical' : `medical.${claim.kind}`;
  const left = Math.max(0, claim.cost - claim.insuranceReimbursement - claim.criticalInsurance);
  const selfPay = t.step('medical.self_pay', claim.eligibleSelfPay === undefined ? left : Math.min(claim.eligibleSelfPay, left), 'fen');
  const deductible = t.step('medical.deductible_remaining', Math.max(0, t.fen(`medical.${claim.kind}.deductible.${g}`) - claim.deductibleUsedThisYear), 'fen');
  const deductibleUsed = t.step('medical.deductible_used', Math.min(selfPay, deductible), 'fen');
  const assessable = t.step('medical.assessable', selfPay - deductibleUsed, 'fen');
  const unit = t.fen('medical.rounding_unit');
  const computed = t.step('medical.computed', roundToUnit(multiplyRounded(assessable, t.number(`${bucket}.ratio.${g}`)), unit), 'fen');
  const capLeft = t.step('medical.cap_remaining', Math.max(0, t.fen(`${bucket}.annual_cap.${g}`) - claim.paidThisYear), 'fen');
  const ordinary = t.step('medical.ordinary', Math.min(computed, capLeft), 'fen');
  const capHit = t.step('medical.cap_hit', computed > capLeft);
  let tilt = 0;
  let tiltCapHit = false;
  if (claim.kind === 'inpatient') {
    const burden = t.step('medical.tilt_burden', Math.max(0, selfPay - ordinary - t.fen(`medical.tilt.threshold.${g}`)), 'fen');
    const tiltComputed = t.step('medical.tilt_computed', roundToUnit(multiplyRounded(burden, t.number(`medical.tilt.ratio.${g}`)), unit), 'fen');
    const tiltLeft = t.step('medical.tilt_cap_remaining', Math.max(0, t.fen(`medical.tilt.annual_cap.${g}`) - claim.tiltPaidThisYear), 'fen');
    tilt = t.step('medical.tilt', Math.min(tiltComputed, tiltLeft), 'fen');
    tiltCapHit = t.step('medical.tilt_cap_hit', tiltComputed > tiltLeft);
  }
  const payable = t.step('medical.payable', ordinary + tilt, 'fen');
  return { selfPay, deductible, deductibleUsed, assessable, computed, ordinary, capHit, tilt, tiltCapHit, payable };
}
