// Error codes of the HTTP layer itself (the kernel's common codes are in src/kernel/error-codes.ts).
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('server', {
  invalid_characters: { status: 400, title: '输入含不允许的字符（控制字符、无效的 UTF-8 或百分号编码）' },
});
