// Error codes of the users module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('users', {
  username_taken: { status: 409, title: '用户名已被使用' },
});
