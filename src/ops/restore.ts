// `jiuzhu restore`: a backup into an empty data folder or an empty database, then proof that it is the saved data.
//
// Refused before anything is written: a damaged archive (checksum, length), one from newer code (a migration this
// code does not know), another engine's archive, a target that is not empty. After the restore every table's row
// count must equal the manifest's and the audit chain must verify; otherwise the target is emptied again.
import fs from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../db/engine.ts';
import { listMigrations, migrate } from '../db/migrate.ts';
import { AppError } from '../kernel/errors.ts';
import { checkArchive, type Manifest } from './archive.ts';
import { runTool } from './backup.ts';
import { confirmTarget } from './confirm.ts';
import { countsOf, countsSql, emptyPublicSchema, TABLE_NAMES_SQL } from './tables.ts';

export type RestoreTarget = { dataDir: string } | { databaseUrl: string };

export interface RestoreResult {
  manifest: Manifest;
  tables: number;
  rows: number;
  auditEntries: number;
  /** Migrations applied after the restore (an archive from older code is brought up to this one). */
  migrated: string[];
}

/** Refuses an archive holding a migration this code does not know (made by newer code). */
export function refuseNewer(manifest: Manifest): void {
  const known = new Set(listMigrations().map((m) => `${m.version}_${m.name}`));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new AppError('backup_from_newer_code', `备份来自更新版本的 Jiuzhu（本程序不认识的迁移：${unknown.join(', ')}），请用新版本恢复 / the backup comes from newer code (unknown migrations ${unknown.join(', ')})`, 400, { unknown });
  }
}

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const names = (await sql<{ name: string }>`${sql.raw(TABLE_NAMES_SQL)}`.execute(db.kysely)).rows.map((r) => r.name);
  return countsOf((await sql<Record<string, unknown>>`${sql.raw(countsSql(names))}`.execute(db.kysely)).rows);
}

async function publicTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`select count(*) as n from (${TABLE_NAMES_SQL}) t`)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await emptyPublicSchema(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
  } finally {
    await client.end();
  }
}

function notEmpty(what: string): AppError {
  return new AppError('restore_target_not_empty', `恢复目标 ${what} 不是空的：只能恢复到空文件夹或空数据库 / restore target ${what} is not empty`, 400);
}

export async function restore(file: string, target: RestoreTarget): Promise<RestoreResult> {
  const { manifest, payloadOffset } = await checkArchive(file);
  refuseNewer(manifest);
  const engine = 'dataDir' in target ? 'pglite' : 'postgres';
  if (manifest.engine !== engine) {
    throw new AppError('backup_damaged', `备份是 ${manifest.engine === 'pglite' ? '内置数据库（PGlite）' : 'PostgreSQL'} 的，不能恢复到 ${engine === 'pglite' ? '内置数据库' : 'PostgreSQL'}；换库请用 jiuzhu db copy / the backup is from ${manifest.engine}, the target is ${engine}`, 400);
  }
  let db: Database;
  let undo: () => Promise<void>;
  if ('dataDir' in target) {
    if (fs.existsSync(target.dataDir) && fs.readdirSync(target.dataDir).length > 0) throw notEmpty(target.dataDir);
    const payload = (await readFile(file)).subarray(payloadOffset);
    undo = () => rm(target.dataDir, { recursive: true, force: true });
    db = await openDatabase({ dataDir: target.dataDir, loadDataDir: new Blob([payload]) }).catch(async (e: unknown) => {
      await undo();
      throw e;
    });
  } else {
    if ((await publicTables(target.databaseUrl)) > 0) throw notEmpty(new URL(target.databaseUrl).pathname.slice(1));
    undo = () => emptyPostgres(target.databaseUrl);
    await runTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`], { stdinFile: { path: file, start: payloadOffset } });
    db = await openDatabase({ databaseUrl: target.databaseUrl });
  }
  let result: RestoreResult;
  try {
    const found = await tableCounts(db);
    await confirmTarget(db, manifest.tables, found, { after: '恢复后', against: '备份清单', actor: 'restore' });
    const migrated = await migrate(db);
    const rows = Object.values(found).reduce((a, b) => a + b, 0);
    result = { manifest, tables: Object.keys(found).length, rows, auditEntries: found['audit_log'] ?? 0, migrated };
  } catch (e) {
    await db.close().catch(() => undefined);
    await undo();
    throw e;
  }
  await db.close();
  return result;
}
