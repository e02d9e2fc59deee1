// The amount of a decision, computed by the policy engine on the household's registry facts at the
// decision date and frozen with its explanation on the decision row (it never changes afterwards:
// a later change is a new decision).
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import { dibaoBenefit, explain, hardshipEligibility, hardshipSupport, type ParameterSet, type RuleSet, type Step } from '../../../policy/index.ts';
import * as registry from '../../registry/index.ts';
import { markParametersUsed } from '../../policy/index.ts';
import { householdFacts, type ApplicantFacts } from '../domain/facts.ts';
import type { CaseRow, TransitionRow } from '../repo/cases.ts';

export interface FrozenAmount {
  amountFen: number;
  explanation: { formula: string; ruleSet: RuleSet; period: string; value: unknown; steps: Step[] };
}

async function registryHousehold(tx: Kysely<DB>, c: CaseRow) {
  const household = await tx.selectFrom('households').selectAll().where('county_code', '=', c.county_code).where('id', '=', c.household_id).executeTakeFirstOrThrow();
  const [members, incomes, assets] = await Promise.all([
    registry.listMembers(tx, c.county_code, c.household_id),
    registry.listIncomes(tx, c.county_code, c.household_id),
    registry.listAssets(tx, c.county_code, c.household_id),
  ]);
  return { household, members, incomes, assets };
}

const lastData = (history: readonly TransitionRow[], action: string) =>
  [...history].reverse().find((t) => t.action === action)?.data as Record<string, unknown> | undefined;

/** What the township recorded about a hardship applicant. */
export function hardshipApplicant(c: CaseRow, history: readonly TransitionRow[]): ApplicantFacts {
  const assessment = lastData(history, 'assess_self_care');
  const review = lastData(history, 'township_review');
  return {
    memberId: c.applicant_member_id,
    selfCare: (assessment?.items as ApplicantFacts['selfCare']) ?? null,
    hasLegalSupporter: review?.hasLegalSupporter as boolean | undefined,
    supporterAble: review?.supporterAble as boolean | undefined,
    supportMode: review?.supportMode as ApplicantFacts['supportMode'],
  };
}

export async function computeAmount(tx: Kysely<DB>, params: ParameterSet, c: CaseRow, history: readonly TransitionRow[], date: string, ruleSet: RuleSet): Promise<FrozenAmount> {
  const r = await registryHousehold(tx, c);
  const request = { params, period: date, ruleSet };
  if (c.programme === 'dibao') {
    const facts = householdFacts(r);
    const out = explain(request, facts.areaCode, (t) => dibaoBenefit(t, facts));
    if (!out.value.eligible) {
      throw AppError.conflict('not_eligible', `按家庭登记信息不符合低保条件（家庭人均月收入 ${yuan(out.value.perCapitaIncome)} 元，保障标准 ${yuan(out.value.standard)} 元），不能批准；请核实登记信息或作出不予批准决定`, { perCapitaIncome: out.value.perCapitaIncome, standard: out.value.standard });
    }
    return { amountFen: out.value.total, explanation: { formula: 'dibao_benefit', ruleSet, period: date, value: out.value, steps: out.steps } };
  }
  const applicant = hardshipApplicant(c, history);
  if (!r.members.some((m) => m.id === c.applicant_member_id)) throw AppError.conflict('applicant_not_in_household', '申请人已不在该家庭登记中，不能核定供养金');
  if (!applicant.selfCare) throw AppError.conflict('self_care_missing', '尚无生活自理能力评估，不能核定供养金');
  const facts = householdFacts(r, applicant);
  const personId = String(c.applicant_member_id);
  const out = explain(request, facts.areaCode, (t) => {
    const eligibility = hardshipEligibility(t, facts, personId);
    return { eligibility, support: eligibility.eligible ? hardshipSupport(t, facts, personId) : null };
  });
  if (!out.value.support) {
    const e = out.value.eligibility;
    const missing = [!e.noWorkCapacity && '无劳动能力', !e.noMeansOfLiving && '无生活来源', !e.noAbleSupporter && '无法定赡养、抚养、扶养义务人或其无履行能力'].filter(Boolean).join('、');
    throw AppError.conflict('not_eligible', `不符合特困人员认定条件（不满足：${missing}），不能批准；请作出不予批准决定`, { eligibility: e });
  }
  return { amountFen: out.value.support.monthly, explanation: { formula: 'hardship_support', ruleSet, period: date, value: out.value, steps: out.steps } };
}

/** The parameter values a frozen decision read are marked used: never edited afterwards, only superseded. */
export async function markUsed(tx: Kysely<DB>, amount: FrozenAmount): Promise<void> {
  await markParametersUsed(tx, amount.explanation.steps.flatMap((s) => s.parameters));
}

export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
