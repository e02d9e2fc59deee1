// Error codes of the oversight module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('oversight', {
  anonymous_complaint: { status: 409, title: '匿名举报无法反馈' },
  complaint_changed: { status: 409, title: '举报已被他人更新' },
  feedback_required: { status: 409, title: '实名举报须先反馈结果' },
  no_case: { status: 409, title: '举报未关联案件' },
  not_substantiated: { status: 409, title: '举报未查实，不能追回' },
  too_many_complaints: { status: 429, title: '举报提交过于频繁' },
});
