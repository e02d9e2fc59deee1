// Error codes of the caseload import (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('caseload', {
  caseload_rejected: { status: 400, title: '存量对象文件有误，未导入任何数据' },
  caseload_reference_gone: { status: 409, title: '导入期间文件引用的登记记录已不存在（如家庭被删除），未导入' },
  caseload_changed: { status: 409, title: '导入期间文件中的家庭或人员已有了案件，未导入' },
});
