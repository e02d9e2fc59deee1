// 医疗救助金 of a claim: the policy formula `medicalAssistance` on the episode the window recorded, for
// the person's group (特困, 低保, or a declared 低保边缘 household member) and with what the ledger says
// was already paid this year (claims and hospital settlements alike), frozen with its explanation. A
// one-off payment to the person. The township approves within its delegated amount, the county above.
import { yuan } from '../../kernel/money.ts';
import { explain, medicalAssistance } from '../../policy/index.ts';
import type { Benefit } from '../types.ts';
import { claimLedgerSchema, type MedicalContext } from './context.ts';

export const medicalBenefit: Benefit<MedicalContext> = {
  schedule: 'one_off',
  payee: 'recipient',
  method: (context) => context.claim?.method ?? 'transfer',
  decide({ context, params, ruleSet, date, areaCode, ledger: raw }) {
    const claim = context.claim;
    if (!claim) return { code: 'claim_missing', status: 409, message: '受理时未登记就医情况（医疗机构、费用），不能核定医疗救助金' };
    const ledger = claimLedgerSchema.parse(raw);
    if (ledger.settledElsewhere) return { code: 'episode_settled', status: 409, message: ledger.settledElsewhere };
    const group = ledger.group ?? (claim.nearDibao ? 'near_dibao' : null);
    if (!group) return { code: 'not_medical_recipient', status: 409, message: '申请人不是特困人员或低保对象，也未登记为低保边缘家庭成员，不属于医疗救助对象；请作出不予救助决定' };
    const input = {
      group, kind: claim.kind, critical: claim.critical, cost: claim.totalCostFen, insuranceReimbursement: claim.basicInsuranceFen,
      criticalInsurance: claim.criticalInsuranceFen, eligibleSelfPay: claim.eligibleSelfPayFen,
      paidThisYear: ledger.paidThisYear, tiltPaidThisYear: ledger.tiltPaidThisYear, deductibleUsedThisYear: ledger.deductibleUsedThisYear,
    };
    const out = explain({ params, period: date, ruleSet }, areaCode, (t) => {
      const v = medicalAssistance(t, input);
      const limit = t.fen('medical.approval.township_limit');
      return { ...v, group, overTownshipLimit: t.step('medical.over_township_limit', v.payable > limit), townshipLimit: limit };
    });
    const v = out.value;
    if (context.approval === 'township' && v.overTownshipLimit) {
      return { code: 'above_township_limit', status: 409, message: `救助金额 ${yuan(v.payable)} 元超过乡镇审批限额 ${yuan(v.townshipLimit)} 元，请报县级审批` };
    }
    const kind = claim.critical ? 'critical' : claim.kind;
    return {
      amountFen: v.payable,
      persons: 1,
      summary: { [`${kind}_times`]: 1, [`${kind}_fen`]: v.payable, tilt_fen: v.tilt, ordinary_fen: v.ordinary, deductible_used_fen: v.deductibleUsed },
      explanation: { formula: 'medical_assistance', ruleSet, period: date, value: v, steps: out.steps },
    };
  },
};
