// Where a benchmark runs: a fresh PostgreSQL database of its own on BENCH_DATABASE_URL (default the
// local server's `test`), or PGlite on an on-disk temporary folder; both removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/db/engine.ts';
import { adminQuery, withDatabase } from '../../src/test/fixture.ts';

export type BenchEngine = 'postgresql' | 'pglite';

export const benchDatabaseUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A new PostgreSQL database `name` (a copy of `template` if given) for `fn`, dropped afterwards. */
export async function withPostgresDatabase<T>(name: string, template: string | null, fn: (db: Database) => Promise<T>): Promise<T> {
  const url = benchDatabaseUrl();
  await adminQuery(url, `create database ${name}${template ? ` template ${template}` : ''}`);
  const db = await openDatabase({ databaseUrl: withDatabase(url, name) });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await adminQuery(url, `drop database if exists ${name} with (force)`);
  }
}

/** A PGlite database on a temporary folder (a copy of `from` if given) for `fn`, removed afterwards. */
export async function withPgliteFolder<T>(name: string, from: string | null, fn: (db: Database) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jiuzhu-bench-${name}-`));
  if (from) fs.cpSync(from, dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  try {
    return await fn(db);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function withBenchDatabase<T>(engine: BenchEngine, name: string, fn: (db: Database) => Promise<T>): Promise<T> {
  if (engine === 'postgresql') return withPostgresDatabase(`jiuzhu_bench_${name.replace(/[^a-z0-9_]/g, '_')}_${process.pid}`, null, fn);
  return withPgliteFolder(name, null, fn);
}

/** `--name value` of a benchmark's arguments. */
export function benchArg(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** `--engines postgresql,pglite` (also `postgres`); both by default, PostgreSQL first. */
export function benchEngines(args: readonly string[]): BenchEngine[] {
  const named = (benchArg(args, 'engines') ?? 'postgresql,pglite').split(',').map((e) => (e === 'postgres' ? 'postgresql' : e));
  const bad = named.filter((e) => e !== 'postgresql' && e !== 'pglite');
  if (bad.length > 0) throw new Error(`--engines: unknown engine ${bad.join(', ')} (postgresql, pglite)`);
  return (['postgresql', 'pglite'] as const).filter((e) => named.includes(e));
}
