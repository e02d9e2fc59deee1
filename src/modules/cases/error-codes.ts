// Error codes of the cases module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('cases', {
  case_changed: { status: 409, title: '案件已被他人更新' },
  case_open: { status: 409, title: '已有办理中的同一项目案件' },
  case_not_batchable: { status: 409, title: '案件不能编入县级审核批次' },
  empty_batch: { status: 409, title: '没有可编组的案件' },
  sample_drawn: { status: 409, title: '批次已抽样' },
  no_spot_check: { status: 409, title: '该项目不按县级批次抽查' },
  no_active_case: { status: 409, title: '该家庭没有在保案件' },
  no_amount: { status: 409, title: '案件尚无核定的金额' },
  notice_ended: { status: 409, title: '公示已结束，不能再在线提出异议' },
  no_decision: { status: 409, title: '案件尚未作出决定' },
  batch_count_changed: { status: 409, title: '批次可审批的案件数已变化' },
  export_too_large: { status: 400, title: '导出的案件超过上限' },
  rerate_open: { status: 409, title: '已有待审批的调标批次' },
  rerate_empty: { status: 409, title: '没有可调标的在保对象' },
  rerate_state: { status: 409, title: '调标批次已审批或作废' },
  rerate_own_draft: { status: 409, title: '调标批次须由编制人以外的审批人审批' },
  rerate_parameters_missing: { status: 409, title: '生效月份没有现行的政策参数' },
});
