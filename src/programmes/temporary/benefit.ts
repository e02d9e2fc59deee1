// 临时救助金: monthly dibao standard of the place where the emergency happened × counted persons × months
// (capped), 支出型 only below the income line and within the property limits — the policy formula
// `temporaryAssistance`, frozen with its explanation. A one-off payment, in cash or by transfer as the
// window recorded. The formula also says who may approve the amount: the township within its delegated
// amount, the county above it, and above the one-case-one-decision amount only on the county
// coordination meeting's decision (一事一议).
import { yuan } from '../../kernel/money.ts';
import { explain, temporaryAssistance } from '../../policy/index.ts';
import type { Benefit } from '../types.ts';
import type { TemporaryContext } from './context.ts';

export const temporaryBenefit: Benefit<TemporaryContext> = {
  schedule: 'one_off',
  payee: 'recipient',
  method: (context) => context.claim?.method ?? 'transfer',
  decide({ household, context, params, ruleSet, date }) {
    const claim = context.claim;
    if (!claim) return { code: 'claim_missing', status: 409, message: '受理时未登记临时救助事项（类型、月数），不能核定救助金' };
    const area = claim.incidentAreaCode ?? household.areaCode;
    const input = { kind: claim.kind, months: claim.months, ...(claim.incidentAreaCode ? { incidentAreaCode: claim.incidentAreaCode } : {}) };
    const out = explain({ params, period: date, ruleSet }, area, (t) => temporaryAssistance(t, household, input));
    const v = out.value;
    if (!v.eligible) return { code: 'not_eligible', status: 409, message: '家庭人均收入不低于当地上年人均可支配收入或财产超过规定，不符合支出型临时救助条件；请作出不予救助决定' };
    if (context.approval === 'township' && v.approvalLevel !== 'township') {
      return { code: 'above_township_limit', status: 409, message: `救助金额 ${yuan(v.amount)} 元超过乡镇审批限额，请报县级审批` };
    }
    if (v.approvalLevel === 'one_case_one_decision' && !context.collectiveDecision) {
      return { code: 'collective_decision_required', status: 409, message: `救助金额 ${yuan(v.amount)} 元超过一事一议金额，须经县级困难群众基本生活保障协调机制研究，请填写会议纪要` };
    }
    return {
      amountFen: v.amount,
      persons: v.persons,
      summary: {},
      explanation: { formula: 'temporary_assistance', ruleSet, period: date, value: v, steps: out.steps },
    };
  },
};
