// Error codes of the institutions module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('institutions', {
  institution_exists: { status: 409, title: '供养机构已登记' },
  institution_changed: { status: 409, title: '供养机构已被他人更新，请刷新后重试' },
  institution_credit_code_taken: { status: 409, title: '统一社会信用代码已被另一机构使用' },
  institution_rated: { status: 409, title: '该机构本年度已有星级评定' },
  institution_project_changed: { status: 409, title: '建设项目已被他人更新，请刷新后重试' },
});
