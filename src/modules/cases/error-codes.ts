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
  no_decision: { status: 409, title: '案件尚未作出决定' },
});
