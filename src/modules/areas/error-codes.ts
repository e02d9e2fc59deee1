// Error codes of the areas module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('areas', {
  zone_township_missing: { status: 400, title: '功能区配置的乡镇不存在' },
});
