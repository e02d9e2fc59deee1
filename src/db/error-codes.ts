// Error codes of the database layer (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('db', {
  unknown_migration: { status: 500, title: '数据库由更新版本的程序迁移过，本程序不能使用' },
  partition_needs_server: { status: 400, title: '按县分区只在 PostgreSQL 服务器上进行，嵌入式数据库（PGlite）不分区' },
  partition_refused: { status: 400, title: '有表不能按县分区（details.violations 逐表指出原因），未做任何改动' },
  partition_failed: { status: 500, title: '按县分区中途失败（details.table 指出失败的表），已转换的表已还原' },
  query_timeout: { status: 503, title: '查询耗时超过上限（JIUZHU_STATEMENT_TIMEOUT_MS）被中止，请缩小范围后重试' },
});
