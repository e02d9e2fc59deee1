// Error codes of the auth module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('auth', {
  invalid_credentials: { status: 401, title: '用户名或密码错误' },
  too_many_attempts: { status: 429, title: '登录失败次数过多，请稍后再试（Retry-After 与 details.retryAfterSeconds 给出等待秒数）' },
  wrong_password: { status: 400, title: '当前密码不正确' },
});
