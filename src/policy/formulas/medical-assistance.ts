// Medical assistance payable (医疗救助, 社会救助暂行办法 art. 28–29; 国办发〔2015〕30号; 国办发〔2021〕42号):
// of the policy-covered cost left after insurance, the part above the group's yearly deductible still
// unused is paid at the group's ratio (≥ 70% for dibao and hardship), up to what remains of the
// group's annual cap after what was already paid this year. Ratios, deductibles and caps are
// parameters per group, kind (inpatient / outpatient) and rule set (cn-2021 abolished the deductible
// for dibao and hardship).
import { z } from 'zod';
import type { Trace } from '../explain.ts';
import { multiplyRounded, roundToUnit } from '../money.ts';

const fen = z.number().int().nonnegative();
export const medicalClaimSchema = z.strictObject({
  group: z.enum(['dibao', 'hardship', 'near_dibao']),
  kind: z.enum(['inpatient', 'outpatient']),
  cost: fen,
  insuranceReimbursement: fen,
  paidThisYear: fen.default(0),
  deductibleUsedThisYear: fen.default(0),
});
export type MedicalClaim = z.infer<typeof medicalClaimSchema>;
export type MedicalAssistance = { selfPay: number; deductible: number; assessable: number; computed: number; payable: number; capHit: boolean };

export function medicalAssistance(t: Trace, claim: MedicalClaim): MedicalAssistance {
  const param = (what: string): string => `medical.${claim.kind}.${what}.${claim.group}`;
  const selfPay = t.step('medical.self_pay', Math.max(0, claim.cost - claim.insuranceReimbursement), 'fen');
  const deductible = t.step(
    'medical.deductible_remaining',
    Math.max(0, t.fen(param('deductible')) - claim.deductibleUsedThisYear),
    'fen',
  );
  const assessable = t.step('medical.assessable', Math.max(0, selfPay - deductible), 'fen');
  const computed = t.step(
    'medical.computed',
    roundToUnit(multiplyRounded(assessable, t.number(param('ratio'))), t.fen('medical.rounding_unit')),
    'fen',
  );
  const capLeft = t.step('medical.cap_remaining', Math.max(0, t.fen(param('annual_cap')) - claim.paidThisYear), 'fen');
  const payable = t.step('medical.payable', Math.min(computed, capLeft), 'fen');
  return { selfPay, deductible, assessable, computed, payable, capHit: t.step('medical.cap_hit', computed > capLeft) };
}
