// `jiuzhu backup`: a consistent copy of the whole database while the server runs, with a manifest (archive.ts).
//
// PGlite: the data folder dumped while its one session is held (no transaction in between), with the row counts
// read in the same hold. PostgreSQL: pg_dump run on a snapshot exported by a repeatable-read transaction that
// also counts the rows, so the dump and the counts are the same moment however many writers run.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../db/engine.ts';
import { AppError } from '../kernel/errors.ts';
import { writeArchive, type Manifest } from './archive.ts';
import { countsOf, countsSql, MIGRATIONS_SQL, migrationsOf, TABLE_NAMES_SQL } from './tables.ts';

export interface BackupTarget {
  /** The database the backup reads (PGlite: the open instance, whose session the snapshot holds). */
  db: Database;
  /** PostgreSQL only: the connection string pg_dump reads. */
  databaseUrl?: string | null;
}

/** What pg_dump or pg_restore need, with the Debian package to install when they are missing. */
export function runTool(tool: 'pg_dump' | 'pg_restore', args: readonly string[], io: { stdoutFile?: string; stdinFile?: { path: string; start: number } } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new AppError('backup_tool_missing', `找不到 ${tool}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）/ ${tool} not found: install postgresql-client`, 500));
      else reject(e);
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new AppError('backup_tool_failed', `${tool} 失败（退出码 ${code}）：${stderr.trim().slice(0, 2000)}`, 500));
    });
    void (async () => {
      const out = io.stdoutFile ? pipeline(child.stdout, createWriteStream(io.stdoutFile, { mode: 0o600 })) : Promise.resolve(child.stdout.resume());
      const input = io.stdinFile ? pipeline(createReadStream(io.stdinFile.path, { start: io.stdinFile.start }), child.stdin) : Promise.resolve(child.stdin.end());
      await Promise.all([out, input]);
    })().catch((e: unknown) => {
      // A broken pipe follows the tool's own failure, which `close` reports with its message.
      if (!(e instanceof Error && 'code' in e && e.code === 'EPIPE')) reject(e);
    });
  });
}

/** Writes a backup of the target to `file` and returns its manifest. */
export async function backup(target: BackupTarget, file: string): Promise<Manifest> {
  const createdAt = new Date().toISOString();
  if (target.db.engine === 'pglite') {
    const { dump, read } = await target.db.snapshotDataDir(async (query) => {
      const names = (await query(TABLE_NAMES_SQL)).map((r) => String(r['name']));
      return { tables: countsOf(await query(countsSql(names))), migrations: migrationsOf(await query(MIGRATIONS_SQL)) };
    });
    return writeArchive(file, manifestOf('pglite', createdAt, read), new Uint8Array(await dump.arrayBuffer()));
  }
  if (!target.databaseUrl) throw new Error('a PostgreSQL backup needs the database URL');
  return backupPostgres(target.databaseUrl, file, createdAt);
}

function manifestOf(engine: Manifest['engine'], createdAt: string, read: { tables: Record<string, number>; migrations: string[] }) {
  return { format: 1 as const, engine, createdAt, migrations: read.migrations, tables: read.tables, auditEntries: read.tables['audit_log'] ?? 0 };
}

async function backupPostgres(url: string, file: string, createdAt: string): Promise<Manifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-backup-'));
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = String((await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]?.s);
    const names = (await client.query<{ name: string }>(TABLE_NAMES_SQL)).rows.map((r) => r.name);
    const tables = countsOf((await client.query<Record<string, unknown>>(countsSql(names))).rows);
    const migrations = migrationsOf((await client.query<Record<string, unknown>>(MIGRATIONS_SQL)).rows);
    const dump = join(dir, 'dump');
    // The snapshot lives as long as this transaction: pg_dump must start (and take it) before the commit.
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--dbname=${url}`], { stdoutFile: dump });
    await client.query('commit');
    return await writeArchive(file, manifestOf('postgres', createdAt, { tables, migrations }), { file: dump });
  } finally {
    await client.end().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
