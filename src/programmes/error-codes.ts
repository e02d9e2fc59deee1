// Refusals of the programmes' benefits and guards.
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('programmes', {
  not_eligible: { status: 409, title: '按登记信息不符合该救助项目的条件' },
  applicant_not_in_household: { status: 409, title: '申请人已不在该家庭登记中' },
  self_care_missing: { status: 409, title: '尚无生活自理能力评估' },
  assessment_date_after_step: { status: 400, title: '评估日期晚于办理日期' },
  institution_required: { status: 400, title: '集中供养须选择供养机构' },
  claim_missing: { status: 409, title: '受理时未登记救助事项' },
  claim_kind: { status: 409, title: '此步骤不适用于该类型的临时救助' },
  not_urgent: { status: 409, title: '未登记为先行救助的案件须入户核实后审批' },
  above_township_limit: { status: 409, title: '救助金额超过乡镇审批限额' },
  episode_settled: { status: 409, title: '该次就医已一站式结算或已获医疗救助' },
  not_medical_recipient: { status: 409, title: '不属于医疗救助对象' },
  collective_decision_required: { status: 409, title: '救助金额超过一事一议金额，须经县级协调机制研究' },
});
