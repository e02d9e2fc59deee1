// Steps common to the programmes, parameterised by the programme's parameter prefix: the county
// stage (complaint, county home visit, rejection) and dynamic management after approval (review,
// change, suspension, gradual exit, exit, a member's death). Definitions pick the ones they use.
import { action, type ActionDefinition, type StateDefinition } from './definition.ts';
import { complaintVisited, GRANTED_STATES, gradualExitMonths, incomeRechecked, spotCheckDone } from './conditions.ts';
import {
  approveSchema, complaintSchema, countyVisitSchema, deathSchema, emptySchema, gradualExitSchema, homeVisitSchema,
  objectionSchema, rejectSchema, reviewDecideSchema, reviewStartSchema, verificationSchema,
} from './schemas.ts';
import { homeVisitStaff } from './conditions.ts';
import { verificationReference, verificationResolved } from './verification.ts';

const TOWNSHIP = ['township_caseworker'] as const;
const COUNTY = ['county_approver'] as const;
const ACTIVE = ['approved', 'suspended', 'gradual_exit'];

export const PENDING_STATES = ['accepted', 'visited', 'verified', 'assessed', 'community_reviewed', 'notice', 'county_review', 'county_notice'];

export const commonStates: Record<string, StateDefinition> = {
  approved: { label: '在保' },
  under_review: { label: '复核中' },
  suspended: { label: '暂停发放' },
  gradual_exit: { label: '渐退期' },
  rejected: { label: '不予批准', terminal: true },
  withdrawn: { label: '已撤回', terminal: true },
  exited: { label: '已退出', terminal: true },
};

export const homeVisit = (from: string, to: string) =>
  action({ label: '入户调查', from: [from], to, roles: TOWNSHIP, schema: homeVisitSchema, checks: [homeVisitStaff] });

/** The result of the verification module's request (manual only where the case has none), no unresolved disqualifying finding. */
export const verify = (from: string, to: string) =>
  action({ label: '家庭经济状况核对', from: [from], to, roles: [...TOWNSHIP, ...COUNTY], schema: verificationSchema, preconditions: [verificationResolved], checks: [verificationReference] });

export const recordObjection = action({ label: '记录公示异议', from: ['notice', 'county_notice'], to: null, roles: [...TOWNSHIP, ...COUNTY], schema: objectionSchema, inbox: 'never' });

export const withdraw = action({ label: '申请人撤回申请', from: ['accepted', 'visited', 'verified', 'assessed', 'community_reviewed', 'notice'], to: 'withdrawn', roles: TOWNSHIP, schema: emptySchema, reasonRequired: true, inbox: 'never' });

export function countyStage(decide: 'decide_approve'): Record<string, ActionDefinition> {
  return {
    // Pending: the flag puts the case in its batch's sample. Granted: the next review needs a county visit.
    record_complaint: action({ label: '记录举报', from: [...PENDING_STATES, ...GRANTED_STATES], to: null, roles: [...TOWNSHIP, ...COUNTY], schema: complaintSchema, effect: 'add_complaint_flag', inbox: 'never' }),
    county_visit: action({ label: '县级入户抽查', from: ['county_review', 'county_notice', 'under_review'], to: null, roles: COUNTY, schema: countyVisitSchema, checks: [homeVisitStaff], inbox: 'never' }),
    approve: action({ label: '审批通过', from: ['county_review'], to: 'approved', roles: COUNTY, schema: approveSchema, preconditions: [spotCheckDone], effect: decide }),
    reject: action({ label: '不予批准', from: ['county_review', 'county_notice'], to: 'rejected', roles: COUNTY, schema: rejectSchema, reasonRequired: true, preconditions: [spotCheckDone], effect: 'decide_reject', inbox: 'never' }),
  };
}

/** Dynamic management (动态管理): parameters of the event's date apply (eventRules). */
export function dynamicManagement(prefix: 'dibao' | 'hardship'): Record<string, ActionDefinition> {
  const deathReview = `procedure.dibao.death_review_months`;
  const base: Record<string, ActionDefinition> = {
    start_review: action({ label: '启动复核', from: ['approved'], to: 'under_review', roles: TOWNSHIP, schema: reviewStartSchema, effect: 'scheduled_review', eventRules: true, inbox: 'review_due', deadline: { parameter: `procedure.${prefix === 'dibao' ? 'dibao.home_visit_working_days' : 'hardship.township_investigation_working_days'}` } }),
    record_death: action({
      label: '登记家庭成员死亡', from: ACTIVE, to: 'under_review', roles: [...TOWNSHIP, ...COUNTY], schema: deathSchema, effect: 'death_review', eventRules: true, inbox: 'never',
      deadline: { parameter: deathReview },
      checks: [({ date }, d) => (d.dateOfDeath > date ? { code: 'death_after_step', message: `死亡日期 ${d.dateOfDeath} 晚于登记日期 ${date}`, status: 400 } : null)],
    }),
    review_income_check: action({ label: '复核收入核查', from: ['under_review'], to: null, roles: [...TOWNSHIP, ...COUNTY], schema: verificationSchema, preconditions: [verificationResolved], checks: [verificationReference], eventRules: true }),
    review_home_visit: action({ label: '复核入户调查', from: ['under_review'], to: null, roles: TOWNSHIP, schema: homeVisitSchema, checks: [homeVisitStaff], eventRules: true, inbox: 'never' }),
    continue: action({ label: '复核通过（重新核定保障金）', from: ['under_review'], to: 'approved', roles: COUNTY, schema: reviewDecideSchema, preconditions: [incomeRechecked, complaintVisited], effect: 'decide_review', eventRules: true }),
    change_amount: action({ label: '调整保障金', from: ['approved'], to: 'approved', roles: COUNTY, schema: reviewDecideSchema, reasonRequired: true, effect: 'decide_change', eventRules: true, inbox: 'never' }),
    suspend: action({ label: '暂停发放', from: ['approved', 'under_review'], to: 'suspended', roles: COUNTY, schema: emptySchema, reasonRequired: true, effect: 'decide_suspend', eventRules: true, inbox: 'never' }),
    resume: action({ label: '恢复发放', from: ['suspended'], to: 'approved', roles: COUNTY, schema: reviewDecideSchema, reasonRequired: true, effect: 'decide_resume', eventRules: true, inbox: 'never' }),
    exit: action({ label: '退出（停发）', from: ['approved', 'under_review', 'suspended', 'gradual_exit'], to: 'exited', roles: COUNTY, schema: emptySchema, reasonRequired: true, effect: 'decide_exit', eventRules: true, inbox: 'never' }),
  };
  if (prefix === 'dibao') {
    base.gradual_exit = action({ label: '渐退', from: ['approved', 'under_review'], to: 'gradual_exit', roles: COUNTY, schema: gradualExitSchema, reasonRequired: true, checks: [gradualExitMonths], effect: 'decide_gradual_exit', eventRules: true, inbox: 'never' });
  }
  return base;
}
