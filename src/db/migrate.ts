import { grantScopedRole } from './row-security.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import type { Database } from './engine.ts';
import './error-codes.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: string;
  name: string;
  script: string;
  checksum: string;
}

export function listMigrations(dir = DIR): Migration[] {
  const list = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const script = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        version: f.slice(0, 4),
        name: f.slice(5, -4),
        script,
        checksum: crypto.createHash('sha256').update(script).digest('hex'),
      };
    });
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1], list[i]];
    if (a && b && a.version === b.version) {
      throw new Error(`two migrations share version ${a.version}: ${a.version}_${a.name}.sql and ${b.version}_${b.name}.sql — renumber the newer one`);
    }
  }
  return list;
}

/** From this migration on, the restricted role of row-level security exists. */
const ROW_SECURITY_VERSION = '0081';

/** Held (per transaction) by each migration and by the grants after them. */
const MIGRATION_LOCK = 727001;

/**
 * Applies the migrations not yet applied, in order, each in its own transaction with its
 * bookkeeping row. Safe to run twice (and concurrently on a server: an advisory lock
 * inside each transaction plus the primary key on the version). A changed migration
 * that was already applied is refused rather than silently skipped.
 */
export async function migrate(db: Database, opts: { upTo?: string } = {}): Promise<string[]> {
  await db.execScript(`select pg_advisory_xact_lock(${MIGRATION_LOCK});
    create table if not exists schema_migrations (
    version text primary key, name text not null, checksum text not null,
    applied_at timestamptz not null default now())`);
  const known = listMigrations();
  // One read of the bookkeeping: a start with nothing to apply costs one query, not one per migration.
  const { rows } = await sql<{ version: string; name: string; checksum: string }>`select version, name, checksum from schema_migrations order by version`.execute(db.kysely);
  refuseUnknown(rows, known);
  const done = new Map(rows.map((r) => [r.version, r.checksum]));
  const applied: string[] = [];
  const { upTo } = opts;
  for (const m of known.filter((x) => upTo === undefined || x.version <= upTo)) {
    const checksum = done.get(m.version);
    if (checksum !== undefined) {
      if (checksum !== m.checksum) {
        throw new Error(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`);
      }
      continue;
    }
    const guard = `select pg_advisory_xact_lock(${MIGRATION_LOCK});
      do $$ begin
        if exists (select 1 from schema_migrations where version = '${m.version}') then
          raise exception 'migration ${m.version} applied concurrently';
        end if;
      end $$;`;
    try {
      await db.execScript(`${guard}\n${m.script}\ninsert into schema_migrations (version, name, checksum) values ('${m.version}', '${m.name}', '${m.checksum}');`);
      applied.push(`${m.version}_${m.name}`);
    } catch (e) {
      if (e instanceof Error && e.message.includes('applied concurrently')) continue;
      throw e;
    }
  }
  if (upTo === undefined || upTo >= ROW_SECURITY_VERSION) await grantScopedRole(db, MIGRATION_LOCK);
  return applied;
}

/** A data folder or database migrated by a newer Jiuzhu: this older code must not run on it. */
function refuseUnknown(rows: readonly { version: string; name: string }[], known: readonly Migration[]): void {
  const versions = new Set(known.map((m) => m.version));
  const unknown = rows.filter((r) => !versions.has(r.version)).map((r) => `${r.version}_${r.name}`);
  if (unknown.length === 0) return;
  const list = unknown.join(', ');
  throw new AppError(
    'unknown_migration',
    `数据库由更新版本的 Jiuzhu 迁移过（未知迁移 ${list}），请使用新版本程序 / database was migrated by a newer Jiuzhu (unknown migration ${list}); run that version`,
    500,
    { unknown },
  );
}
