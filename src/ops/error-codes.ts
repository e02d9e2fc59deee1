// Error codes of backup and restore (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../kernel/error-codes.ts';

defineErrorCodes('ops', {
  backup_not_found: { status: 400, title: '找不到备份文件' },
  backup_damaged: { status: 400, title: '备份文件损坏或不是本系统的备份' },
  backup_from_newer_code: { status: 400, title: '备份来自更新版本的程序，本程序不能恢复' },
  restore_target_not_empty: { status: 400, title: '恢复目标不是空的' },
  restore_mismatch: { status: 500, title: '恢复后的数据与备份清单不符' },
  backup_tool_missing: { status: 500, title: '缺少 PostgreSQL 客户端工具（pg_dump / pg_restore）' },
  backup_tool_failed: { status: 500, title: 'PostgreSQL 备份或恢复工具报错' },
});
