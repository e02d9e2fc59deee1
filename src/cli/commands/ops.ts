import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { openDatabase } from '../../db/engine.ts';
import { loadConfig } from '../../kernel/config.ts';
import { AppError } from '../../kernel/errors.ts';
import { checkArchive, type Manifest } from '../../ops/archive.ts';
import { backup } from '../../ops/backup.ts';
import { readControl } from '../../ops/control.ts';
import { restore, type RestoreTarget } from '../../ops/restore.ts';
import { OPS_TOKEN_HEADER } from '../../ops/routes.ts';

function describe(m: Manifest): string {
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  const engine = m.engine === 'pglite' ? '内置数据库 PGlite' : 'PostgreSQL';
  return `${engine}，${Object.keys(m.tables).length} 张表 ${rows} 行，审计 ${m.auditEntries} 条，迁移至 ${m.migrations.at(-1) ?? '无'}，${(m.payloadBytes / 1048576).toFixed(1)} MB，SHA-256 ${m.sha256.slice(0, 16)}…`;
}

/** A PGlite folder held by a running server is backed up by that server (one process may open it). */
async function backupThroughServer(url: string, token: string, out: string): Promise<void> {
  const res = await fetch(`${url}/ops/backup`, { method: 'POST', headers: { [OPS_TOKEN_HEADER]: token } });
  if (!res.ok || !res.body) throw new AppError('backup_tool_failed', `运行中的服务器未能备份（HTTP ${res.status}）：${(await res.text()).slice(0, 500)}`, 500);
  await pipeline(Readable.fromWeb(res.body), createWriteStream(out, { mode: 0o600 }));
}

export function registerOps(program: Command): void {
  program
    .command('backup')
    .description('write a consistent backup (also while the server runs) with its manifest: migrations, row counts, checksum')
    .requiredOption('--out <file>', 'the archive to write')
    .action(async (opts: { out: string }) => {
      const config = loadConfig();
      const note = config.databaseUrl ? null : readControl(config.dataDir);
      if (note) {
        process.stderr.write(`数据文件夹正由服务器（进程 ${note.pid}）使用：由它备份 / the running server writes the backup\n`);
        await backupThroughServer(note.url, note.token, opts.out);
      } else {
        const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
        try {
          await backup({ db, databaseUrl: config.databaseUrl }, opts.out);
        } finally {
          await db.close();
        }
      }
      const { manifest } = await checkArchive(opts.out);
      console.log(`备份已写入 ${opts.out}：${describe(manifest)}`);
    });

  program
    .command('restore <file>')
    .description('restore a backup into an empty data folder or an empty database, then check row counts and the audit chain')
    .option('--data-dir <dir>', 'PGlite: the empty folder to restore into (default JIUZHU_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL: the empty database to restore into (default DATABASE_URL)')
    .action(async (file: string, opts: { dataDir?: string; databaseUrl?: string }) => {
      const config = loadConfig();
      const url = opts.databaseUrl ?? (opts.dataDir ? null : config.databaseUrl);
      const target: RestoreTarget = url ? { databaseUrl: url } : { dataDir: opts.dataDir ?? config.dataDir };
      const r = await restore(file, target);
      console.log(`已恢复：${describe(r.manifest)}；核对通过：${r.tables} 张表 ${r.rows} 行与清单一致，审计链 ${r.auditEntries} 条完好${r.migrated.length > 0 ? `；升级迁移 ${r.migrated.join(', ')}` : ''}`);
    });
}
