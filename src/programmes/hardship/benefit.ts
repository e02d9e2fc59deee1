// 特困供养金: eligibility (no work capacity, no means of living, no able supporter) and the monthly
// support of the chosen form and self-care level, on the registry facts with what the township
// recorded about the applicant (the case's context). The statistics keep whether it is institutional
// and the person's origin (五保, 三无, 孤儿: origin.ts).
import { explain, hardshipEligibility, hardshipSupport, type HouseholdFacts } from '../../policy/index.ts';
import type { Benefit } from '../types.ts';
import type { HardshipContext } from './context.ts';
import { hardshipOrigin, originSummary } from './origin.ts';

/** The registry facts with the applicant's assessment, supporters and form of support. */
export function withApplicant(facts: HouseholdFacts, applicantId: string, ctx: HardshipContext): HouseholdFacts {
  return {
    ...facts,
    members: facts.members.map((m) =>
      m.id !== applicantId ? m : {
        ...m,
        ...(ctx.selfCare ? { selfCare: ctx.selfCare } : {}),
        ...(ctx.support ? { hasLegalSupporter: ctx.support.hasLegalSupporter, supporterAble: ctx.support.supporterAble, hardshipSupportMode: ctx.support.mode } : {}),
      }),
  };
}

export const hardshipBenefit: Benefit<HardshipContext> = {
  schedule: 'monthly',
  payee: 'recipient',
  // 集中供养: the support goes to the institution where the parameter in force says so.
  payeeOf({ context, params, date, areaCode, ruleSet }) {
    const s = context.support;
    if (s?.mode !== 'institutional' || s.institutionId === undefined) return { payee: 'recipient' };
    const rule = params.get('hardship.support.institutional_payee', areaCode, date, ruleSet).value;
    return rule === 'institution' ? { payee: 'institution', institutionId: s.institutionId } : { payee: 'recipient' };
  },
  decide({ household, applicantId, context, params, ruleSet, date }) {
    if (!household.members.some((m) => m.id === applicantId)) return { code: 'applicant_not_in_household', status: 409, message: '申请人已不在该家庭登记中，不能核定供养金' };
    if (!context.selfCare) return { code: 'self_care_missing', status: 409, message: '尚无生活自理能力评估，不能核定供养金' };
    const facts = withApplicant(household, applicantId, context);
    const out = explain({ params, period: date, ruleSet }, facts.areaCode, (t) => {
      const eligibility = hardshipEligibility(t, facts, applicantId);
      return { eligibility, support: eligibility.eligible ? hardshipSupport(t, facts, applicantId) : null };
    });
    if (!out.value.support) {
      const e = out.value.eligibility;
      const missing = [!e.noWorkCapacity && '无劳动能力', !e.noMeansOfLiving && '无生活来源', !e.noAbleSupporter && '无法定赡养、抚养、扶养义务人或其无履行能力'].filter(Boolean).join('、');
      return { code: 'not_eligible', status: 409, message: `不符合特困人员认定条件（不满足：${missing}），不能批准；请作出不予批准决定` };
    }
    return {
      amountFen: out.value.support.monthly,
      persons: 1,
      summary: { institutional: out.value.support.mode === 'institutional' ? 1 : 0, ...originSummary(hardshipOrigin(facts, applicantId, date, context.origin)) },
      explanation: { formula: 'hardship_support', ruleSet, period: date, value: out.value, steps: out.steps },
    };
  },
};
