// Error codes of the users module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('users', {
  username_taken: { status: 409, title: '用户名已被使用' },
  weak_password: { status: 400, title: '密码不符合密码策略（过短、常见、重复或包含用户名）' },
  own_account: { status: 409, title: '不能修改自己的角色、区划、部门或启用状态' },
});
