// Error codes of the outreach module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('outreach', {
  outreach_task_closed: { status: 409, title: '任务已办结，不能再次登记结果' },
});
