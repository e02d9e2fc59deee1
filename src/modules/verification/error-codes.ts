// Error codes of the verification module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('verification', {
  already_resolved: { status: 409, title: '核对发现已处理' },
  authorization_required: { status: 409, title: '尚未登记核对授权书' },
  case_closed: { status: 409, title: '案件已办结' },
  invalid_rows: { status: 400, title: '数据有误，未导入任何数据' },
});
