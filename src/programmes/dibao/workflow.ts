// 低保 procedure under both rule sets.
// cn-2012 (最低生活保障审核审批办法（试行）art. 18–29): accept → home visit (100%, ≥2 staff, 10 working
// days) → economic status verification → community review (民主评议, quorum 2/3) → township review →
// public notice 7 days → county review with spot check (≥30%) → second public notice 7 days → approve or
// reject (written reason and appeal rights within 3 working days).
// cn-2021 (最低生活保障审核确认办法 art. 15–22): investigation starts within 3 working days; community
// review only when the notice draws an objection; county confirms within 10 working days; whole case
// within 30 working days.
import { communityReviewIfRequired, communityReviewQuorum, noticeEnded, objectionRecorded, objectionReviewed, refuse, spotCheckDone, verificationPassed } from '../../workflow/conditions.ts';
import { action, type Precondition, type WorkflowDefinition } from '../../workflow/definition.ts';
import { approveSchema, communityReviewSchema, emptySchema, townshipReviewSchema } from '../../workflow/schemas.ts';
import { commonStates, COUNTY, countyStage, dynamicManagement, homeVisit, recordObjection, TOWNSHIP, verify, withdraw } from '../../workflow/steps.ts';

const P = 'procedure.dibao';
const GRANTED = ['approved', 'suspended', 'gradual_exit', 'under_review'];
const stability = (d: { stability: 'stable' | 'unstable' | 'chronic' }) => ({ stability: d.stability });
const markCommunityReview = (_d: unknown, step: { seq: number; on: string }) => ({ communityReview: { seq: step.seq, on: step.on } });

const submitToCounty = (extra: readonly Precondition[]) =>
  action({ label: '公示期满报县级审核', labelEn: 'Submit to county after notice', from: ['notice'], to: 'county_review', roles: TOWNSHIP, schema: emptySchema, preconditions: [noticeEnded, ...extra] });

const management = dynamicManagement({ reviewParameter: `${P}.home_visit_working_days`, gradualExit: true });

const PENDING_2012 = ['accepted', 'visited', 'verified', 'community_reviewed', 'notice', 'county_review', 'county_notice'];

export const dibaoCn2012: WorkflowDefinition = {
  programme: 'dibao',
  ruleSet: 'cn-2012',
  label: '最低生活保障（审核审批办法（试行））', labelEn: 'Dibao (2012 approval measures)',
  initial: 'accepted',
  spotCheckParameter: `${P}.county_spot_check_ratio`,
  states: {
    accepted: { label: '已受理', labelEn: 'Accepted', phase: 'pending', deadline: { parameter: `${P}.home_visit_working_days` } },
    visited: { label: '已入户调查', labelEn: 'Home visit done', phase: 'pending', deadline: { parameter: 'procedure.verification.start_working_days' } },
    verified: { label: '已核对', labelEn: 'Verified', phase: 'pending', deadline: { parameter: `${P}.community_review_working_days` } },
    community_reviewed: { label: '已民主评议', labelEn: 'Community reviewed', phase: 'pending' },
    notice: { label: '乡镇公示中', labelEn: 'Township public notice', phase: 'pending', deadline: { parameter: `${P}.notice_days` } },
    county_review: { label: '县级审核中', labelEn: 'County review', phase: 'pending', deadline: { parameter: `${P}.county_review_working_days` } },
    county_notice: { label: '县级公示中', labelEn: 'County public notice', phase: 'pending', deadline: { parameter: `${P}.second_notice_days`, then: `${P}.approval_decision_working_days` } },
    ...commonStates,
  },
  actions: {
    home_visit: homeVisit('accepted', 'visited'),
    verify_economic_status: verify('visited', 'verified'),
    community_review: action({ label: '民主评议', labelEn: 'Community review', from: ['verified'], to: 'community_reviewed', roles: TOWNSHIP, schema: communityReviewSchema, checks: [communityReviewQuorum], assign: markCommunityReview }),
    township_review: action({ label: '乡镇审核并公示', labelEn: 'Township review and notice', from: ['community_reviewed'], to: 'notice', roles: TOWNSHIP, schema: townshipReviewSchema, preconditions: [communityReviewIfRequired], effect: { kind: 'notice' } }),
    record_objection: recordObjection(['notice', 'county_notice']),
    submit_to_county: submitToCounty([]),
    ...countyStage(PENDING_2012, GRANTED),
    county_notice: action({ label: '县级审核同意并公示', labelEn: 'County agrees and posts notice', from: ['county_review'], to: 'county_notice', roles: COUNTY, schema: emptySchema, preconditions: [spotCheckDone, verificationPassed], effect: { kind: 'notice' } }),
    approve: action({ label: '审批通过', labelEn: 'Approve', from: ['county_notice'], to: 'approved', roles: COUNTY, schema: approveSchema, preconditions: [noticeEnded, spotCheckDone, verificationPassed], effect: { kind: 'decide', decision: 'approve' }, assign: stability }),
    withdraw: withdraw(['accepted', 'visited', 'verified', 'community_reviewed', 'notice']),
    ...management,
  },
};

const PENDING_2021 = ['accepted', 'visited', 'verified', 'notice', 'county_review'];

/**
 * cn-2021 (确认办法 art. 19): a community review during the notice when it drew an objection; before the
 * notice only where a local rule still requires one (procedure.dibao.community_review_required, which the
 * township review checks).
 */
const communityReviewCalledFor: Precondition = (ctx) => {
  if (ctx.facts.state === 'notice') return objectionRecorded(ctx);
  return ctx.param(`${P}.community_review_required`)?.value === true
    ? null
    : refuse('community_review_not_required', '本规则集下公示前无需民主评议；公示期间有异议的，才组织民主评议');
};

export const dibaoCn2021: WorkflowDefinition = {
  programme: 'dibao',
  ruleSet: 'cn-2021',
  label: '最低生活保障（审核确认办法）', labelEn: 'Dibao (2021 confirmation measures)',
  initial: 'accepted',
  totalDeadline: { parameter: `${P}.total_working_days` },
  spotCheckParameter: `${P}.county_spot_check_ratio`,
  states: {
    accepted: { label: '已受理', labelEn: 'Accepted', phase: 'pending', deadline: { parameter: `${P}.home_visit_working_days` } },
    visited: { label: '已入户调查', labelEn: 'Home visit done', phase: 'pending', deadline: { parameter: 'procedure.verification.start_working_days' } },
    verified: { label: '已核对', labelEn: 'Verified', phase: 'pending', deadline: { parameter: `${P}.community_review_working_days` } },
    notice: { label: '乡镇公示中', labelEn: 'Township public notice', phase: 'pending', deadline: { parameter: `${P}.notice_days` } },
    county_review: { label: '县级审核确认中', labelEn: 'County confirmation', phase: 'pending', deadline: { parameter: `${P}.county_review_working_days` } },
    ...commonStates,
  },
  actions: {
    home_visit: homeVisit('accepted', 'visited'),
    verify_economic_status: verify('visited', 'verified'),
    township_review: action({ label: '乡镇审核并公示', labelEn: 'Township review and notice', from: ['verified'], to: 'notice', roles: TOWNSHIP, schema: townshipReviewSchema, preconditions: [communityReviewIfRequired], effect: { kind: 'notice' } }),
    record_objection: recordObjection(['notice', 'county_notice']),
    community_review: action({ label: '民主评议', labelEn: 'Community review', from: ['verified', 'notice'], to: null, roles: TOWNSHIP, schema: communityReviewSchema, preconditions: [communityReviewCalledFor], checks: [communityReviewQuorum], assign: markCommunityReview }),
    submit_to_county: submitToCounty([objectionReviewed]),
    ...countyStage(PENDING_2021, GRANTED),
    approve: action({ label: '审核确认', labelEn: 'Confirm', from: ['county_review'], to: 'approved', roles: COUNTY, schema: approveSchema, preconditions: [spotCheckDone, verificationPassed], effect: { kind: 'decide', decision: 'approve' }, assign: stability }),
    withdraw: withdraw(['accepted', 'visited', 'verified', 'community_reviewed', 'notice']),
    ...management,
  },
};
