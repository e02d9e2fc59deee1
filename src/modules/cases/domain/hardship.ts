// 特困 (extreme hardship) procedure (特困人员认定办法 art. 10–17; cn-2012: 2016 measures and 五保
// regulations): the township investigates within 15 (20) working days — home visit, economic status
// verification, six-item self-care assessment, choice of institutional or home-based support — then a
// 7-day public notice; the county spot-checks ≥30% and decides within 15 (20) working days; support
// from the next month; support ends after a 7-day termination notice. The two rule sets differ only in
// parameter values, so one shape serves both.
import type { RuleSet } from '../../../policy/index.ts';
import { action, type ActionDefinition, type ProgrammeDefinition } from './definition.ts';
import { noticeEnded, verificationPassed, spotCheckDone } from './conditions.ts';
import { approveSchema, emptySchema, hardshipTownshipReviewSchema, selfCareSchema } from './schemas.ts';
import { commonStates, countyStage, dynamicManagement, homeVisit, recordObjection, verify, withdraw } from './steps.ts';

const P = 'procedure.hardship';
const TOWNSHIP = ['township_caseworker'] as const;

function hardship(ruleSet: RuleSet, label: string): ProgrammeDefinition {
  const management = dynamicManagement('hardship');
  return {
    programme: 'hardship',
    ruleSet,
    label,
    initial: 'accepted',
    spotCheckParameter: `${P}.county_spot_check_ratio`,
    states: {
      accepted: { label: '已受理', pending: true, deadline: { parameter: `${P}.township_investigation_working_days` } },
      visited: { label: '已入户调查', pending: true, deadline: 'keep' },
      verified: { label: '已核对', pending: true, deadline: 'keep' },
      assessed: { label: '已评估自理能力', pending: true, deadline: 'keep' },
      notice: { label: '乡镇公示中', pending: true, deadline: { parameter: `${P}.notice_days` } },
      county_review: { label: '县级审核确认中', pending: true, deadline: { parameter: `${P}.county_decision_working_days` } },
      termination_notice: { label: '终止供养公示中', deadline: { parameter: `${P}.termination_notice_days` } },
      ...commonStates,
    },
    actions: {
      home_visit: homeVisit('accepted', 'visited'),
      verify_economic_status: verify('visited', 'verified'),
      assess_self_care: action({ label: '生活自理能力评估', from: ['verified'], to: 'assessed', roles: TOWNSHIP, schema: selfCareSchema,
        checks: [({ date }, d) => (d.date > date ? { code: 'assessment_date_after_step', message: `评估日期 ${d.date} 晚于办理日期 ${date}`, status: 400 } : null)] }),
      township_review: action({ label: '乡镇审核并公示', from: ['assessed'], to: 'notice', roles: TOWNSHIP, schema: hardshipTownshipReviewSchema, effect: 'start_notice',
        checks: [(_ctx, d) => (d.supportMode === 'institutional' && d.institutionId === undefined ? { code: 'institution_required', message: '集中供养须选择供养机构（敬老院）', status: 400 } : null)] }),
      submit_to_county: action({ label: '公示期满报县级审核', from: ['notice'], to: 'county_review', roles: TOWNSHIP, schema: emptySchema, preconditions: [noticeEnded] }),
      ...countyStage('decide_approve'),
      approve: action({ label: '审核确认（特困供养）', from: ['county_review'], to: 'approved', roles: ['county_approver'], schema: approveSchema, preconditions: [spotCheckDone, verificationPassed], effect: 'decide_approve' }),
      withdraw,
      ...management,
      // Support ends only after a termination notice (特困人员认定办法 art. 25), in calendar days per parameter.
      termination_notice: action({ label: '终止供养公示', from: ['approved', 'under_review', 'suspended'], to: 'termination_notice', roles: TOWNSHIP, schema: emptySchema, reasonRequired: true, effect: 'start_notice', eventRules: true, inbox: 'never' }),
      record_objection: { ...recordObjection, from: [...recordObjection.from, 'termination_notice'] },
      exit: { ...(management.exit as ActionDefinition), from: ['termination_notice'], preconditions: [noticeEnded], inbox: 'always' },
    },
  };
}

export const hardshipCn2012 = hardship('cn-2012', '特困人员供养（社会救助暂行办法）');
export const hardshipCn2021 = hardship('cn-2021', '特困人员供养（特困人员认定办法）');
