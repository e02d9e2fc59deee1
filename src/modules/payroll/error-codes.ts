// Error codes of the payroll module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('payroll', {
  no_county: { status: 400, title: '没有可生成的县' },
  not_approved: { status: 409, title: '发放名册尚未审批' },
  returns_rejected: { status: 400, title: '回盘文件有误，未导入任何结果' },
  invalid_status: { status: 409, title: '发放名册当前状态不能办理此操作' },
  earlier_payroll_open: { status: 409, title: '更早月份的发放名册尚未审批' },
  later_payroll_exists: { status: 409, title: '已有更晚月份的发放名册' },
});
