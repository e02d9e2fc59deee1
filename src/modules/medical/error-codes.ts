// Error codes of the medical module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('medical', {
  subsidy_list_exists: { status: 409, title: '该年度资助参保名单已存在' },
  subsidy_list_status: { status: 409, title: '资助参保名单当前状态不允许此操作' },
  subsidy_list_empty: { status: 409, title: '资助参保名单没有人员' },
  episode_claimed: { status: 409, title: '该次就医已申请医疗救助' },
});

// 资助参保 (premium subsidy): the insurer's result file.
defineErrorCodes('medical', {
  subsidy_result_rejected: { status: 400, title: '参保结果文件有误，未导入' },
});

// 一站式结算导入 (service/settlements.ts)
defineErrorCodes('medical', {
  settlement_rejected: { status: 400, title: '结算文件有误，未导入任何数据' },
});
