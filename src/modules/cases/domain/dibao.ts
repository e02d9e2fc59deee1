// 低保 procedure under both rule sets.
// cn-2012 (最低生活保障审核审批办法（试行）art. 18–29): accept → home visit (100%, ≥2 staff, 10 working
// days) → economic status verification → community review (民主评议, quorum 2/3) → township review →
// public notice 7 days → county review with spot check (≥30%) → second public notice 7 days → approve or
// reject (written reason and appeal rights within 3 working days).
// cn-2021 (最低生活保障审核确认办法 art. 15–22): investigation starts within 3 working days; community
// review only when the notice draws an objection; county confirms within 10 working days; whole case
// within 30 working days.
import { action, type ProgrammeDefinition } from './definition.ts';
import { communityReviewIfRequired, communityReviewQuorum, noticeEnded, objectionRecorded, objectionReviewed, spotCheckDone, verificationPassed } from './conditions.ts';
import { approveSchema, communityReviewSchema, emptySchema, townshipReviewSchema } from './schemas.ts';
import { commonStates, countyStage, dynamicManagement, homeVisit, recordObjection, verify, withdraw } from './steps.ts';

const P = 'procedure.dibao';
const TOWNSHIP = ['township_caseworker'] as const;
const COUNTY = ['county_approver'] as const;

const submitToCounty = (extra: typeof objectionReviewed[]) =>
  action({ label: '公示期满报县级审核', from: ['notice'], to: 'county_review', roles: TOWNSHIP, schema: emptySchema, preconditions: [noticeEnded, ...extra] });

export const dibaoCn2012: ProgrammeDefinition = {
  programme: 'dibao',
  ruleSet: 'cn-2012',
  label: '最低生活保障（审核审批办法（试行））',
  initial: 'accepted',
  spotCheckParameter: `${P}.county_spot_check_ratio`,
  states: {
    accepted: { label: '已受理', pending: true, deadline: { parameter: `${P}.home_visit_working_days` } },
    visited: { label: '已入户调查', pending: true, deadline: { parameter: 'procedure.verification.start_working_days' } },
    verified: { label: '已核对', pending: true, deadline: { parameter: `${P}.community_review_working_days` } },
    community_reviewed: { label: '已民主评议', pending: true },
    notice: { label: '乡镇公示中', pending: true, deadline: { parameter: `${P}.notice_days` } },
    county_review: { label: '县级审核中', pending: true, deadline: { parameter: `${P}.county_review_working_days` } },
    county_notice: { label: '县级公示中', pending: true, deadline: { parameter: `${P}.second_notice_days`, then: `${P}.approval_decision_working_days` } },
    ...commonStates,
  },
  actions: {
    home_visit: homeVisit('accepted', 'visited'),
    verify_economic_status: verify('visited', 'verified'),
    community_review: action({ label: '民主评议', from: ['verified'], to: 'community_reviewed', roles: TOWNSHIP, schema: communityReviewSchema, checks: [communityReviewQuorum] }),
    township_review: action({ label: '乡镇审核并公示', from: ['community_reviewed'], to: 'notice', roles: TOWNSHIP, schema: townshipReviewSchema, preconditions: [communityReviewIfRequired], effect: 'start_notice' }),
    record_objection: recordObjection,
    submit_to_county: submitToCounty([]),
    ...countyStage('decide_approve'),
    county_notice: action({ label: '县级审核同意并公示', from: ['county_review'], to: 'county_notice', roles: COUNTY, schema: emptySchema, preconditions: [spotCheckDone, verificationPassed], effect: 'start_notice' }),
    approve: action({ label: '审批通过', from: ['county_notice'], to: 'approved', roles: COUNTY, schema: approveSchema, preconditions: [noticeEnded, spotCheckDone, verificationPassed], effect: 'decide_approve' }),
    withdraw,
    ...dynamicManagement('dibao'),
  },
};

export const dibaoCn2021: ProgrammeDefinition = {
  programme: 'dibao',
  ruleSet: 'cn-2021',
  label: '最低生活保障（审核确认办法）',
  initial: 'accepted',
  totalDeadline: { parameter: `${P}.total_working_days` },
  spotCheckParameter: `${P}.county_spot_check_ratio`,
  states: {
    accepted: { label: '已受理', pending: true, deadline: { parameter: `${P}.home_visit_working_days` } },
    visited: { label: '已入户调查', pending: true, deadline: { parameter: 'procedure.verification.start_working_days' } },
    verified: { label: '已核对', pending: true, deadline: { parameter: `${P}.community_review_working_days` } },
    notice: { label: '乡镇公示中', pending: true, deadline: { parameter: `${P}.notice_days` } },
    county_review: { label: '县级审核确认中', pending: true, deadline: { parameter: `${P}.county_review_working_days` } },
    ...commonStates,
  },
  actions: {
    home_visit: homeVisit('accepted', 'visited'),
    verify_economic_status: verify('visited', 'verified'),
    township_review: action({ label: '乡镇审核并公示', from: ['verified'], to: 'notice', roles: TOWNSHIP, schema: townshipReviewSchema, preconditions: [communityReviewIfRequired], effect: 'start_notice' }),
    record_objection: recordObjection,
    community_review: action({ label: '民主评议（公示有异议）', from: ['notice'], to: null, roles: TOWNSHIP, schema: communityReviewSchema, preconditions: [objectionRecorded], checks: [communityReviewQuorum] }),
    submit_to_county: submitToCounty([objectionReviewed]),
    ...countyStage('decide_approve'),
    approve: action({ label: '审核确认', from: ['county_review'], to: 'approved', roles: COUNTY, schema: approveSchema, preconditions: [spotCheckDone, verificationPassed], effect: 'decide_approve' }),
    withdraw,
    ...dynamicManagement('dibao'),
  },
};
