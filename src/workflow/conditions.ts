// Guards shared by the programme workflows. Each returns null when the step may go ahead, or a refusal
// with a code and the reason in Chinese. They read the case's context (what its steps recorded), never
// its history; numbers come from parameters, never literals.
import type { CaseContext, CaseFacts, CheckContext, DataCheck, Precondition, Refusal, StepMark, VerificationMark } from './definition.ts';
import type { CommunityReview, HomeVisit } from './schemas.ts';

export const refuse = (code: string, message: string, status: 400 | 403 | 409 = 409): Refusal => ({ code, message, status });

/** `b` was recorded after `a` (or `a` never was). */
const after = (b: StepMark | undefined, a: StepMark | undefined): boolean => b !== undefined && (a === undefined || b.seq > a.seq);

/** The public notice must have run its full period (calendar days, the start day not counted). */
export const noticeEnded: Precondition = ({ facts, date }) =>
  facts.noticeEnd !== null && date <= facts.noticeEnd
    ? refuse('notice_period_not_ended', `公示期至 ${facts.noticeEnd} 届满，${date} 仍在公示期内，公示期满后才能进行下一步`)
    : null;

/** cn-2012: community review (民主评议) before the township review. */
export const communityReviewIfRequired: Precondition = ({ facts, param }) =>
  param('procedure.dibao.community_review_required')?.value === true && !facts.context.communityReview
    ? refuse('community_review_required', `本案适用 ${facts.ruleSet} 规则，乡镇审核前须先组织民主评议`)
    : null;

/** cn-2021: community review only when the public notice drew an objection. */
export const objectionRecorded: Precondition = ({ facts }) =>
  facts.context.objection ? null : refuse('no_objection', '公示期间未收到异议，本规则集下无需进行民主评议');

/** cn-2021: an objection is heard in a community review before the case goes to the county. */
export const objectionReviewed: Precondition = ({ facts }) => {
  const { objection, communityReview } = facts.context;
  return objection && !after(communityReview, objection) ? refuse('objection_not_reviewed', '公示期间有异议，须组织民主评议后才能报县级审核') : null;
};

/** A recorded verification that failed, or whose request has since a finding over a policy limit (unresolved or confirmed). */
function failedCheck(facts: CaseFacts, v: VerificationMark | undefined, failed: string, what: string): Refusal | null {
  if (v?.result === 'fail') return refuse('verification_failed', failed);
  const request = facts.verification.find((r) => r.requestNo === v?.requestNo);
  return request && request.unresolvedBreaking + request.confirmedBreaking > 0
    ? refuse('verification_failed', `核对请求 ${request.requestNo} 有超出政策限额的发现（未处理或经核实属实），不能${what}`)
    : null;
}

/** The economic status verification found nothing against the application (nor since, on the request it recorded). */
export const verificationPassed: Precondition = ({ facts }) =>
  failedCheck(facts, facts.context.verification, '家庭经济状况核对未通过，不能批准；请作出不予批准决定', '批准');

/**
 * County spot check (抽查) of the batch: drawn, and a county home visit for every sampled case — after the
 * last complaint, when one came in after the visit (the county visits every case under complaint).
 */
export const spotCheckDone: Precondition = ({ facts }) => {
  if (facts.batch === null) return refuse('not_in_batch', '案件尚未编入县级审核批次，不能作出决定');
  if (!facts.batch.drawn) return refuse('sample_not_drawn', '所在批次尚未抽取入户抽查样本，不能作出决定');
  const { countyVisit, complaint } = facts.context;
  if (facts.batch.sampled && !after(countyVisit, complaint)) {
    return countyVisit && complaint
      ? refuse('county_visit_required', `本案在县级入户核查（${countyVisit.on}）后被举报（${complaint.on}），须再次记录县级入户核查`)
      : refuse('county_visit_required', '本案在县级入户抽查样本中（含近亲属备案、被举报案件），须先记录县级入户核查');
  }
  return null;
};

/**
 * A complaint recorded while the case was granted calls for a county home visit (100%) before the next
 * review decision: a county visit after the last such complaint.
 */
export const complaintVisited: Precondition = ({ facts }) => {
  const { grantedComplaint, countyVisit } = facts.context;
  return grantedComplaint && !after(countyVisit, grantedComplaint)
    ? refuse('county_visit_required', `本案在保期间被举报（${grantedComplaint.on}），复核决定前须先记录县级入户核查`)
    : null;
};

/** A review (复核) redoes the income check before its decision, and continues the payment only when it passed. */
export const incomeRechecked: Precondition = ({ facts }) => {
  const { incomeCheck, reviewStart } = facts.context;
  if (!after(incomeCheck, reviewStart)) return refuse('income_check_required', '复核须重新进行家庭收入核查后才能作出复核决定');
  return failedCheck(facts, incomeCheck, '复核收入核查未通过，不能继续保障；请作出停发（退出）、暂停或渐退决定', '继续保障');
};

/** Home visit by at least N staff (a parameter), recorded no later than the step. */
export const homeVisitStaff: DataCheck<HomeVisit> = ({ param, date }, visit) => {
  const min = Number(param('procedure.dibao.home_visit_min_staff')?.value ?? 0);
  const staff = new Set(visit.staff.map((s) => s.trim()));
  if (staff.size < min) return refuse('home_visit_staff', `入户调查须由不少于 ${min} 名工作人员进行，本次仅记录 ${staff.size} 名`, 400);
  if (visit.date > date) return refuse('visit_date_after_step', `入户日期 ${visit.date} 晚于办理日期 ${date}`, 400);
  return null;
};

/** cn-2012: representatives make up at least the quorum fraction (2/3) of those present. */
export const communityReviewQuorum: DataCheck<CommunityReview> = ({ param, date }, review) => {
  if (review.date > date) return refuse('review_date_after_step', `评议日期 ${review.date} 晚于办理日期 ${date}`, 400);
  const quorum = param('procedure.dibao.community_review_quorum');
  if (quorum === null || typeof quorum.value !== 'string') return null;
  const [n, d] = quorum.value.split('/').map(Number) as [number, number];
  return review.representativesPresent * d < review.participants * n
    ? refuse('community_review_quorum', `民主评议中村（居）民代表应不少于参加人数的 ${quorum.value}（参加 ${review.participants} 人，代表 ${review.representativesPresent} 人）`, 400)
    : null;
};

/** Gradual exit (渐退) is provided only where the rule set of the date sets its longest period (not under cn-2012). */
export const gradualExitProvided: Precondition = ({ param, ruleSet }) =>
  param('procedure.dibao.gradual_exit_months') === null ? refuse('gradual_exit_not_provided', `${ruleSet} 规则集未规定渐退期，不能办理渐退`) : null;

/** Gradual exit (渐退) no longer than the rule set allows; refused where the rule set has none. */
export const gradualExitMonths: DataCheck<{ months: number }> = ({ param, ruleSet }, data) => {
  const max = param('procedure.dibao.gradual_exit_months');
  if (max === null) return refuse('gradual_exit_not_provided', `${ruleSet} 规则集未规定渐退期，不能办理渐退`);
  return data.months > Number(max.value) ? refuse('gradual_exit_too_long', `渐退期最长 ${String(max.value)} 个月`, 400) : null;
};

export function firstRefusal<Ctx extends CaseContext>(ctx: CheckContext<Ctx>, checks: readonly Precondition<Ctx>[]): Refusal | null {
  for (const check of checks) {
    const r = check(ctx);
    if (r) return r;
  }
  return null;
}
