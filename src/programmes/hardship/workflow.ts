// 特困 (extreme hardship) procedure (特困人员认定办法 art. 10–17; cn-2012: 2016 measures and 五保
// regulations): the township investigates within 15 (20) working days — home visit, economic status
// verification, six-item self-care assessment, choice of institutional or home-based support — then a
// 7-day public notice; the county spot-checks ≥30% and decides within 15 (20) working days; support
// from the next month; support ends after a 7-day termination notice, unless an objection to it leads the
// county to keep it. The two rule sets differ only in parameter values, so one shape serves both.
import type { RuleSet } from '../../policy/index.ts';
import { noticeEnded, spotCheckDone, verificationPassed } from '../../workflow/conditions.ts';
import { action, type ActionDefinition, type WorkflowDefinition } from '../../workflow/definition.ts';
import { approveSchema, emptySchema, hardshipTownshipReviewSchema, selfCareSchema } from '../../workflow/schemas.ts';
import { commonStates, COUNTY, countyStage, dynamicManagement, homeVisit, recordObjection, TOWNSHIP, verify, withdraw } from '../../workflow/steps.ts';
import type { HardshipContext } from './context.ts';

const P = 'procedure.hardship';
const PENDING = ['accepted', 'visited', 'verified', 'assessed', 'notice', 'county_review'];
const GRANTED = ['approved', 'suspended', 'gradual_exit', 'under_review'];

function hardship(ruleSet: RuleSet, label: string, labelEn: string): WorkflowDefinition<HardshipContext> {
  const management = dynamicManagement({ reviewParameter: `${P}.township_investigation_working_days`, gradualExit: false });
  const objection = recordObjection(['notice', 'county_notice']);
  return {
    programme: 'hardship',
    ruleSet,
    label,
    labelEn,
    initial: 'accepted',
    spotCheckParameter: `${P}.county_spot_check_ratio`,
    states: {
      accepted: { label: '已受理', labelEn: 'Accepted', phase: 'pending', deadline: { parameter: `${P}.township_investigation_working_days` } },
      visited: { label: '已入户调查', labelEn: 'Home visit done', phase: 'pending', deadline: 'keep' },
      verified: { label: '已核对', labelEn: 'Verified', phase: 'pending', deadline: 'keep' },
      assessed: { label: '已评估自理能力', labelEn: 'Self-care assessed', phase: 'pending', deadline: 'keep' },
      notice: { label: '乡镇公示中', labelEn: 'Township public notice', phase: 'pending', deadline: { parameter: `${P}.notice_days` } },
      county_review: { label: '县级审核确认中', labelEn: 'County confirmation', phase: 'pending', deadline: { parameter: `${P}.county_decision_working_days` } },
      termination_notice: { label: '终止供养公示中', labelEn: 'Termination notice', phase: 'payable', deadline: { parameter: `${P}.termination_notice_days` } },
      ...commonStates,
    },
    actions: {
      home_visit: homeVisit('accepted', 'visited'),
      verify_economic_status: verify('visited', 'verified'),
      assess_self_care: action<typeof selfCareSchema, HardshipContext>({
        label: '生活自理能力评估', labelEn: 'Self-care assessment', from: ['verified'], to: 'assessed', roles: TOWNSHIP, schema: selfCareSchema,
        checks: [({ date }, d) => (d.date > date ? { code: 'assessment_date_after_step', message: `评估日期 ${d.date} 晚于办理日期 ${date}`, status: 400 } : null)],
        assign: (d) => ({ selfCare: d.items }),
      }),
      township_review: action<typeof hardshipTownshipReviewSchema, HardshipContext>({
        label: '乡镇审核并公示', labelEn: 'Township review and notice', from: ['assessed'], to: 'notice', roles: TOWNSHIP, schema: hardshipTownshipReviewSchema, effect: { kind: 'notice' },
        checks: [(_ctx, d) => (d.supportMode === 'institutional' && d.institutionId === undefined ? { code: 'institution_required', message: '集中供养须选择供养机构（敬老院）', status: 400 } : null)],
        assign: (d) => ({ support: { mode: d.supportMode, ...(d.institutionId !== undefined ? { institutionId: d.institutionId } : {}), hasLegalSupporter: d.hasLegalSupporter, supporterAble: d.supporterAble }, ...(d.origin ? { origin: d.origin } : {}) }),
      }),
      submit_to_county: action({ label: '公示期满报县级审核', labelEn: 'Submit to county after notice', from: ['notice'], to: 'county_review', roles: TOWNSHIP, schema: emptySchema, preconditions: [noticeEnded] }),
      ...countyStage(PENDING, GRANTED),
      approve: action({ label: '审核确认（特困供养）', labelEn: 'Confirm (hardship support)', from: ['county_review'], to: 'approved', roles: COUNTY, schema: approveSchema, preconditions: [spotCheckDone, verificationPassed], effect: { kind: 'decide', decision: 'approve' }, assign: (d) => ({ stability: d.stability }) }),
      withdraw: withdraw(['accepted', 'visited', 'verified', 'assessed', 'notice']),
      ...management,
      // Support ends only after a termination notice (特困人员认定办法 art. 25), in calendar days per parameter.
      termination_notice: action({ label: '终止供养公示', labelEn: 'Termination notice', from: ['approved', 'under_review', 'suspended'], to: 'termination_notice', roles: TOWNSHIP, schema: emptySchema, reasonRequired: true, effect: { kind: 'notice' }, eventRules: true, inbox: 'never' }),
      record_objection: objection,
      // An objection to it is investigated and the county decides within a limit whether to end the support
      // (art. 26): it may keep it.
      record_termination_objection: {
        ...recordObjection(['termination_notice']), label: '记录终止公示异议', labelEn: 'Record objection to termination', eventRules: true,
        deadline: { parameter: `${P}.objection_decision_working_days`, onlyIn: ['cn-2021'] },
      },
      keep_support: action({ label: '不予终止（继续供养）', labelEn: 'Keep support (no termination)', from: ['termination_notice'], to: 'approved', roles: COUNTY, schema: emptySchema, reasonRequired: true, eventRules: true, inbox: 'never' }),
      exit: { ...(management.exit as ActionDefinition), from: ['termination_notice'], preconditions: [noticeEnded], inbox: 'always' },
    },
  };
}

export const hardshipCn2012 = hardship('cn-2012', '特困人员供养（社会救助暂行办法）', 'Hardship support (2014 interim measures)');
export const hardshipCn2021 = hardship('cn-2021', '特困人员供养（特困人员认定办法）', 'Hardship support (2021 determination measures)');
