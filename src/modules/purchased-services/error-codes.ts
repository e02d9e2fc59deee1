// Error codes of the purchased-services module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('purchased-services', {
  purchase_contract_status: { status: 409, title: '购买服务合同当前状态不允许此操作' },
  purchase_task_status: { status: 409, title: '服务任务当前状态不允许此操作' },
  purchase_task_self_confirmation: { status: 409, title: '服务记录须由登记人以外的工作人员确认' },
  purchase_evaluation_exists: { status: 409, title: '该合同本年度已考核' },
  assistance_assistant_taken: { status: 409, title: '该身份证号码已登记为本县社会救助协理员' },
});
