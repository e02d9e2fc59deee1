// Error codes of the intake module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('intake', {
  referral_changed: { status: 409, title: '转办事项已被他人更新' },
  part_changed: { status: 409, title: '待登记立案事项已被他人更新（已立案或已结束）' },
});
