// Error codes of the database layer (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('db', {
  unknown_migration: { status: 500, title: '数据库由更新版本的程序迁移过，本程序不能使用' },
  query_timeout: { status: 503, title: '查询耗时超过上限（JIUZHU_STATEMENT_TIMEOUT_MS）被中止，请缩小范围后重试' },
});
