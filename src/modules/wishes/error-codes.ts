// Error codes of the wishes module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('wishes', {
  wish_status: { status: 409, title: '心愿当前状态不允许此操作' },
  wish_already_claimed: { status: 409, title: '心愿已被认领，不能重复认领' },
  wish_value_cap: { status: 400, title: '心愿价值超过上限' },
});
