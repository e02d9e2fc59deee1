// Steps common to the programmes: the township's investigation, the county stage (complaint, county home
// visit, rejection) and dynamic management after approval (review, change, suspension, gradual exit,
// exit, a member's death). Each records what later guards read into the case's context.
import { action, type ActionDefinition, type CaseContext, type Phase, type StateDefinition } from './definition.ts';
import { complaintVisited, gradualExitMonths, gradualExitProvided, homeVisitStaff, incomeRechecked, spotCheckDone } from './conditions.ts';
import {
  approveSchema, complaintSchema, countyVisitSchema, deathSchema, emptySchema, gradualExitSchema, homeVisitSchema,
  objectionSchema, rejectSchema, reviewDecideSchema, reviewStartSchema, verificationSchema,
} from './schemas.ts';
import { verificationMark, verificationReference, verificationResolved } from './verification.ts';

export const TOWNSHIP = ['township_caseworker'] as const;
export const COUNTY = ['county_approver'] as const;
/** States in payment or suspended: where a member's death or a complaint calls for a review. */
export const ACTIVE = ['approved', 'suspended', 'gradual_exit'];
const GRANTED_PHASES: readonly Phase[] = ['granted', 'payable', 'suspended'];

/** States after the decision, shared by the enrolment programmes. */
export const commonStates: Record<string, StateDefinition> = {
  approved: { label: '在保', labelEn: 'Receiving support', phase: 'payable' },
  under_review: { label: '复核中', labelEn: 'Under review', phase: 'payable' },
  suspended: { label: '暂停发放', labelEn: 'Suspended', phase: 'suspended' },
  gradual_exit: { label: '渐退期', labelEn: 'Gradual exit', phase: 'payable' },
  rejected: { label: '不予批准', labelEn: 'Rejected', phase: 'terminal' },
  withdrawn: { label: '已撤回', labelEn: 'Withdrawn', phase: 'terminal' },
  exited: { label: '已退出', labelEn: 'Exited', phase: 'terminal' },
};

export const homeVisit = (from: string, to: string) =>
  action({ label: '入户调查', labelEn: 'Home visit', from: [from], to, roles: TOWNSHIP, schema: homeVisitSchema, checks: [homeVisitStaff], assign: (_d, step) => ({ homeVisit: { seq: step.seq, on: step.on } }) });

/** The result of the verification module's request (manual only where the case has none), no unresolved disqualifying finding. */
export const verify = (from: string, to: string) =>
  action({ label: '家庭经济状况核对', labelEn: 'Economic status verification', from: [from], to, roles: [...TOWNSHIP, ...COUNTY], schema: verificationSchema, preconditions: [verificationResolved], checks: [verificationReference], assign: (d, step) => ({ verification: verificationMark(d, step) }) });

export const recordObjection = (from: readonly string[]) =>
  action({ label: '记录公示异议', labelEn: 'Record notice objection', from, to: null, roles: [...TOWNSHIP, ...COUNTY], schema: objectionSchema, inbox: 'never', assign: (_d, step) => ({ objection: { seq: step.seq, on: step.on } }) });

export const withdraw = (from: readonly string[]) =>
  action({ label: '申请人撤回申请', labelEn: 'Applicant withdraws', from, to: 'withdrawn', roles: TOWNSHIP, schema: emptySchema, reasonRequired: true, inbox: 'never' });

/** An amount decision records the household's stability, which sets the next review. */
const stability = (d: { stability: CaseContext['stability'] }): Partial<CaseContext> => ({ stability: d.stability });

/** The county stage: complaints (pending: the batch's sample; granted: a county visit before the next review), county visit, approval, rejection. */
export function countyStage(pending: readonly string[], granted: readonly string[]): Record<string, ActionDefinition> {
  return {
    record_complaint: action({
      label: '记录举报', labelEn: 'Record complaint', from: [...pending, ...granted], to: null, roles: [...TOWNSHIP, ...COUNTY], schema: complaintSchema, effect: { kind: 'flag_complaint' }, inbox: 'never',
      assign: (_d, step) => {
        const mark = { seq: step.seq, on: step.on };
        return GRANTED_PHASES.includes(step.fromPhase) ? { complaint: mark, grantedComplaint: mark } : { complaint: mark };
      },
    }),
    county_visit: action({ label: '县级入户抽查', labelEn: 'County spot-check visit', from: ['county_review', 'county_notice', 'under_review'], to: null, roles: COUNTY, schema: countyVisitSchema, checks: [homeVisitStaff], inbox: 'never', assign: (_d, step) => ({ countyVisit: { seq: step.seq, on: step.on } }) }),
    approve: action({ label: '审批通过', labelEn: 'Approve', from: ['county_review'], to: 'approved', roles: COUNTY, schema: approveSchema, preconditions: [spotCheckDone], effect: { kind: 'decide', decision: 'approve' }, assign: stability }),
    reject: action({ label: '不予批准', labelEn: 'Rejected', from: ['county_review', 'county_notice'], to: 'rejected', roles: COUNTY, schema: rejectSchema, reasonRequired: true, preconditions: [spotCheckDone], effect: { kind: 'decide', decision: 'reject' }, inbox: 'never' }),
  };
}

export interface ManagementOptions {
  /** Time limit of the review's investigation. */
  reviewParameter: string;
  /** 渐退 where the programme has it (低保). */
  gradualExit: boolean;
}

/** Dynamic management (动态管理): parameters of the event's date apply (eventRules). */
export function dynamicManagement(opts: ManagementOptions): Record<string, ActionDefinition> {
  const reviewStart = (_d: unknown, step: { seq: number; on: string }): Partial<CaseContext> => ({ reviewStart: { seq: step.seq, on: step.on } });
  const base: Record<string, ActionDefinition> = {
    start_review: action({ label: '启动复核', labelEn: 'Start review', from: ['approved'], to: 'under_review', roles: TOWNSHIP, schema: reviewStartSchema, eventRules: true, inbox: 'review_due', deadline: { parameter: opts.reviewParameter }, assign: reviewStart }),
    record_death: action({
      label: '登记家庭成员死亡', labelEn: 'Record a member\'s death', from: ACTIVE, to: 'under_review', roles: [...TOWNSHIP, ...COUNTY], schema: deathSchema, effect: { kind: 'death_review' }, eventRules: true, inbox: 'never',
      deadline: { parameter: 'procedure.dibao.death_review_months', optional: true }, assign: reviewStart,
      checks: [({ date }, d) => (d.dateOfDeath > date ? { code: 'death_after_step', message: `死亡日期 ${d.dateOfDeath} 晚于登记日期 ${date}`, status: 400 } : null)],
    }),
    review_income_check: action({ label: '复核收入核查', labelEn: 'Review income check', from: ['under_review'], to: null, roles: [...TOWNSHIP, ...COUNTY], schema: verificationSchema, preconditions: [verificationResolved], checks: [verificationReference], eventRules: true, assign: (d, step) => ({ incomeCheck: verificationMark(d, step) }) }),
    review_home_visit: action({ label: '复核入户调查', labelEn: 'Review home visit', from: ['under_review'], to: null, roles: TOWNSHIP, schema: homeVisitSchema, checks: [homeVisitStaff], eventRules: true, inbox: 'never', assign: (_d, step) => ({ homeVisit: { seq: step.seq, on: step.on } }) }),
    continue: action({ label: '复核通过（重新核定保障金）', labelEn: 'Review passed (amount recomputed)', from: ['under_review'], to: 'approved', roles: COUNTY, schema: reviewDecideSchema, preconditions: [incomeRechecked, complaintVisited], effect: { kind: 'decide', decision: 'review' }, eventRules: true, assign: stability }),
    change_amount: action({ label: '调整保障金', labelEn: 'Change amount', from: ['approved'], to: 'approved', roles: COUNTY, schema: reviewDecideSchema, reasonRequired: true, effect: { kind: 'decide', decision: 'change' }, eventRules: true, inbox: 'never', assign: stability }),
    suspend: action({ label: '暂停发放', labelEn: 'Suspended', from: ['approved', 'under_review'], to: 'suspended', roles: COUNTY, schema: emptySchema, reasonRequired: true, effect: { kind: 'decide', decision: 'suspend' }, eventRules: true, inbox: 'never' }),
    resume: action({ label: '恢复发放', labelEn: 'Resume payment', from: ['suspended'], to: 'approved', roles: COUNTY, schema: reviewDecideSchema, reasonRequired: true, effect: { kind: 'decide', decision: 'resume' }, eventRules: true, inbox: 'never', assign: stability }),
    exit: action({ label: '退出（停发）', labelEn: 'Exit (stop payment)', from: ['approved', 'under_review', 'suspended', 'gradual_exit'], to: 'exited', roles: COUNTY, schema: emptySchema, reasonRequired: true, effect: { kind: 'decide', decision: 'exit' }, eventRules: true, inbox: 'never' }),
  };
  if (opts.gradualExit) {
    base.gradual_exit = action({ label: '渐退', labelEn: 'Gradual exit', from: ['approved', 'under_review'], to: 'gradual_exit', roles: COUNTY, schema: gradualExitSchema, reasonRequired: true, provided: gradualExitProvided, checks: [gradualExitMonths], effect: { kind: 'decide', decision: 'gradual_exit' }, eventRules: true, inbox: 'never' });
  }
  return base;
}
