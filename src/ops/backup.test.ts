// Backup and restore on the engine under test (PGlite; PostgreSQL with DATABASE_URL, through pg_dump/pg_restore).
import fs from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../db/engine.ts';
import { listMigrations } from '../db/migrate.ts';
import { appendAudit } from '../kernel/audit/append.ts';
import { AppError } from '../kernel/errors.ts';
import { loadConfig } from '../kernel/config.ts';
import { buildApp } from '../server/app.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/fixture.ts';
import { ENGINE, testDatabaseAt } from '../test/db.ts';
import { checkArchive, readManifest, writeArchive } from './archive.ts';
import { backup } from './backup.ts';
import { OPS_TOKEN_HEADER } from './routes.ts';
import { restore, type RestoreTarget } from './restore.ts';

let db: Database;
let url: string | null;
let dir: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  ({ db, url } = await testDatabaseAt());
  dir = await mkdtemp(join(tmpdir(), 'jiuzhu-backup-test-'));
});
afterAll(async () => {
  for (const c of cleanups) await c();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** An empty target of the engine under test: a folder that does not exist yet, or a new empty database. */
async function emptyTarget(): Promise<RestoreTarget> {
  const name = `jiuzhu_r_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const server = process.env.DATABASE_URL;
  if (!server) return { dataDir: join(dir, name) };
  await adminQuery(server, `create database ${name} template template0`);
  cleanups.push(() => dropDatabase(server, name));
  return { databaseUrl: withDatabase(server, name) };
}

/** Tables in a database's public schema (0: as empty as it was). */
async function adminCount(databaseUrl: string): Promise<number> {
  const d = await openDatabase({ databaseUrl });
  try {
    return Number((await sql<{ n: number }>`select count(*) as n from pg_tables where schemaname = 'public'`.execute(d.kysely)).rows[0]?.n);
  } finally {
    await d.close();
  }
}

const writer = { userId: null, userName: 'backup-test' };

/** Audited writes, one transaction each, until `stop` is set: the load a backup must stay consistent under. */
async function writeLoad(state: { stop: boolean; written: number }): Promise<void> {
  while (!state.stop) {
    await db.kysely.transaction().execute(async (tx) => {
      await appendAudit(tx, writer, { action: 'test.load', entity: 'load', entityId: String(state.written), areaCode: '522701' });
    });
    state.written += 1;
    // PGlite answers in microtasks: without a turn of the event loop the test's timers would never run.
    await new Promise((r) => setImmediate(r));
  }
}

async function auditCount(d: Database): Promise<number> {
  return Number((await d.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe(`backup and restore (${ENGINE})`, () => {
  let archive: string;

  it('backs up under write load and restores into an empty target with every count and the audit chain intact', async () => {
    archive = join(dir, 'load.jzb');
    const state = { stop: false, written: 0 };
    const load = writeLoad(state);
    // Let the writers run before and while the snapshot is taken.
    while (state.written < 5) await new Promise((r) => setTimeout(r, 5));
    const manifest = await backup({ db, databaseUrl: url }, archive);
    const atBackup = state.written;
    while (state.written < atBackup + 5) await new Promise((r) => setTimeout(r, 5));
    state.stop = true;
    await load;

    expect(manifest.engine).toBe(ENGINE);
    expect(manifest.migrations).toEqual(listMigrations().map((m) => `${m.version}_${m.name}`));
    expect(manifest.tables['areas']).toBeGreaterThan(1000);
    // Writes went on after the snapshot: the archive holds fewer audit entries than the database now does.
    expect(manifest.auditEntries).toBeLessThan(await auditCount(db));

    const target = await emptyTarget();
    // restore() itself compares every table's count with the manifest and verifies the audit chain. Without the
    // snapshot the writers above make the counts differ and it refuses: shown on 2026-12-07 by removing pg_dump's
    // --snapshot (src/ops/backup.ts): "恢复后的行数与备份清单不符：audit_log: 15 → 24".
    const result = await restore(archive, target);
    expect(result.tables).toBe(Object.keys(manifest.tables).length);
    expect(result.rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));
    expect(result.auditEntries).toBe(manifest.auditEntries);
    expect(result.migrated).toEqual([]);
  });

  it('refuses a damaged archive and writes nothing', async () => {
    const bytes = await readFile(archive);
    const damaged = join(dir, 'damaged.jzb');
    const copy = Buffer.from(bytes);
    copy[copy.length - 100] = (copy[copy.length - 100] ?? 0) ^ 0xff;
    await writeFile(damaged, copy);
    const target = await emptyTarget();
    await expect(restore(damaged, target)).rejects.toMatchObject({ code: 'backup_damaged', message: expect.stringContaining('校验和不符') });
    const truncated = join(dir, 'truncated.jzb');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 10));
    await expect(restore(truncated, target)).rejects.toMatchObject({ code: 'backup_damaged', message: expect.stringContaining('截断') });
    await writeFile(join(dir, 'not-a-backup.jzb'), 'hello');
    await expect(restore(join(dir, 'not-a-backup.jzb'), target)).rejects.toMatchObject({ code: 'backup_damaged' });
    if ('dataDir' in target) expect(fs.existsSync(target.dataDir)).toBe(false);
  });

  it('refuses an archive from newer code, another engine, or counts that the data does not match — and leaves the target empty', async () => {
    const { manifest, payloadOffset } = await checkArchive(archive);
    const payload = (await readFile(archive)).subarray(payloadOffset);
    const rest = { format: manifest.format, engine: manifest.engine, createdAt: manifest.createdAt, tables: manifest.tables, auditEntries: manifest.auditEntries };

    const newer = join(dir, 'newer.jzb');
    await writeArchive(newer, { ...rest, migrations: [...manifest.migrations, '9999_from_the_future'] }, payload);
    const target = await emptyTarget();
    await expect(restore(newer, target)).rejects.toMatchObject({ code: 'backup_from_newer_code', message: expect.stringContaining('9999_from_the_future') });

    const other = join(dir, 'other-engine.jzb');
    await writeArchive(other, { ...rest, engine: ENGINE === 'pglite' ? 'postgres' : 'pglite', migrations: manifest.migrations }, payload);
    await expect(restore(other, target)).rejects.toMatchObject({ code: 'backup_damaged', message: expect.stringContaining('jiuzhu db copy') });

    const lying = join(dir, 'lying.jzb');
    await writeArchive(lying, { ...rest, migrations: manifest.migrations, tables: { ...manifest.tables, households: (manifest.tables['households'] ?? 0) + 1 } }, payload);
    const error = await restore(lying, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'restore_mismatch', message: expect.stringContaining('households') });
    // The failed restore emptied its target again.
    if ('dataDir' in target) expect(fs.existsSync(target.dataDir)).toBe(false);
    else expect(Number((await adminCount(target.databaseUrl)))).toBe(0);
  });

  it('refuses a target that is not empty', async () => {
    const target = await emptyTarget();
    if ('dataDir' in target) {
      fs.mkdirSync(target.dataDir, { recursive: true });
      fs.writeFileSync(join(target.dataDir, 'PG_VERSION'), '18');
    } else {
      const other = await openDatabase({ databaseUrl: target.databaseUrl });
      await sql`create table someone_elses (id int)`.execute(other.kysely);
      await other.close();
    }
    await expect(restore(archive, target)).rejects.toMatchObject({ code: 'restore_target_not_empty' });
  });
});

describe.runIf(ENGINE === 'pglite')('a running server backs up its PGlite folder (POST /ops/backup)', () => {
  it('answers only a loopback caller with the token, and sends a valid archive', async () => {
    const token = 'x'.repeat(64);
    const { app } = await buildApp({ db, config: { ...loadConfig({}), demo: true } }, { logger: false, opsToken: token });
    try {
      const none = await app.inject({ method: 'POST', url: '/ops/backup' });
      expect(none.statusCode).toBe(404);
      const wrong = await app.inject({ method: 'POST', url: '/ops/backup', headers: { [OPS_TOKEN_HEADER]: 'y'.repeat(64) } });
      expect(wrong.statusCode).toBe(404);
      const remote = await app.inject({ method: 'POST', url: '/ops/backup', headers: { [OPS_TOKEN_HEADER]: token }, remoteAddress: '10.1.2.3' });
      expect(remote.statusCode).toBe(404);
      const ok = await app.inject({ method: 'POST', url: '/ops/backup', headers: { [OPS_TOKEN_HEADER]: token } });
      expect(ok.statusCode).toBe(200);
      const file = join(dir, 'from-server.jzb');
      await writeFile(file, ok.rawPayload);
      const { manifest } = await checkArchive(file);
      expect(manifest.auditEntries).toBe(await auditCount(db));
      expect((await readManifest(file)).manifest.sha256).toBe(manifest.sha256);
    } finally {
      await app.close();
    }
  });
});
