// Error codes of the database layer (the catalogue: src/kernel/error-codes.ts); they stop the start, not a request.
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('db', {
  unknown_migration: { status: 500, title: '数据库由更新版本的程序迁移过，本程序不能使用' },
});
