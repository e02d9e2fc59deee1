// A benchmark database that starts from a loaded registry: migrated, 黔南州, parameters and N demo
// households (loadRegistry, seed `bench`), built once and kept, so the payroll, dashboard and rescreen
// benchmarks at the same size share one load (3,000,000 households take about half an hour to load).
// A benchmark may add a stage of its own on top (the rescreen's 10,000,000 partner records), cached
// the same way. PostgreSQL: a template database `jiuzhu_bench_c_<key>` per cache, each run a
// `create database … template` copy. PGlite: the data folder kept under `.tmp/bench/`, each run a copy.
// The key hashes the migrations, the size and the stage, so a new migration builds new caches.
// `--fresh` rebuilds them; `--prepare-only` builds them and stops (to load while something else is timed).
// Remove the caches with `drop database jiuzhu_bench_c_…` and `rm -rf .tmp/bench/pglite-c-*`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/db/engine.ts';
import { listMigrations, migrate } from '../../src/db/migrate.ts';
import { systemScope } from '../../src/kernel/scope.ts';
import { loadPrefecture } from '../../src/modules/areas/service.ts';
import { syncParameterFiles } from '../../src/modules/policy/service/parameters.ts';
import { adminQuery, withDatabase } from '../../src/test/fixture.ts';
import { benchDatabaseUrl, seconds, withPgliteFolder, withPostgresDatabase, type BenchEngine } from './engines.ts';
import { loadRegistry } from './registry.ts';

const SEED = 'bench';
const CACHE_DIR = path.resolve('.tmp/bench');

/** Data a benchmark adds on top of the registry, cached under `key` (include every size it depends on). */
export interface Stage {
  key: string;
  prepare: (db: Database) => Promise<void>;
}

export interface RegistryInfo {
  members: number;
}

export interface CacheOptions {
  stage?: Stage | undefined;
  /** Rebuild the caches even when present. */
  fresh?: boolean;
  /** Only build the caches (the benchmark's function does not run). */
  prepareOnly?: boolean;
}

/** A cache's id: `label` and a hash of `parts` and the migrations' checksums (a new migration, a new id). */
export function cacheIdOf(label: string, parts: string): string {
  const h = crypto.createHash('sha256').update(parts);
  for (const m of listMigrations()) h.update(m.checksum);
  return `${label}${h.digest('hex').slice(0, 10)}`;
}

function cacheId(households: number, stage: string | undefined): string {
  return cacheIdOf(`${households}_${stage ? `${stage.replace(/[^a-z0-9]/g, '_')}_` : ''}`, `${SEED}:${households}:${stage ?? ''}:`);
}

async function loadBase(db: Database, households: number): Promise<void> {
  await migrate(db);
  await loadPrefecture(db, systemScope('bench'), '522700');
  await syncParameterFiles(db);
  const { members } = await loadRegistry(db, households, SEED);
  await sql`create table bench_registry_info (members int not null)`.execute(db.kysely);
  await sql`insert into bench_registry_info values (${members})`.execute(db.kysely);
}

/** Where caches live on one engine: built from nothing or from another cache, and copied for a run. */
interface Store {
  exists(id: string): Promise<boolean>;
  drop(id: string): Promise<void>;
  build(id: string, from: string | null, fill: (db: Database) => Promise<void>): Promise<void>;
  withCopy<T>(id: string, run: string, fn: (db: Database) => Promise<T>): Promise<T>;
}

function postgresStore(): Store {
  const url = benchDatabaseUrl();
  const name = (id: string) => `jiuzhu_bench_c_${id}`;
  return {
    async exists(id) {
      const admin = await openDatabase({ databaseUrl: url });
      try {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name(id)}`.execute(admin.kysely);
        return rows[0]!.n > 0;
      } finally {
        await admin.close();
      }
    },
    async drop(id) {
      await adminQuery(url, `drop database if exists ${name(id)} with (force)`);
    },
    async build(id, from, fill) {
      const loading = `${name(id)}_loading`;
      await adminQuery(url, `drop database if exists ${loading} with (force)`);
      await adminQuery(url, `create database ${loading}${from ? ` template ${name(from)}` : ''}`);
      const db = await openDatabase({ databaseUrl: withDatabase(url, loading) });
      try {
        await fill(db);
      } finally {
        await db.close();
      }
      await adminQuery(url, `alter database ${loading} rename to ${name(id)}`);
    },
    withCopy(id, run, fn) {
      return withPostgresDatabase(`jiuzhu_bench_${run}_${process.pid}`, name(id), fn);
    },
  };
}

function pgliteStore(): Store {
  const dir = (id: string) => path.join(CACHE_DIR, `pglite-c-${id}`);
  return {
    async exists(id) {
      return fs.existsSync(dir(id));
    },
    async drop(id) {
      fs.rmSync(dir(id), { recursive: true, force: true });
    },
    async build(id, from, fill) {
      const loading = `${dir(id)}.loading`;
      fs.rmSync(loading, { recursive: true, force: true });
      if (from) fs.cpSync(dir(from), loading, { recursive: true });
      else fs.mkdirSync(loading, { recursive: true });
      const db = await openDatabase({ dataDir: loading });
      try {
        await fill(db);
      } finally {
        await db.close();
      }
      fs.renameSync(loading, dir(id));
    },
    withCopy(id, run, fn) {
      return withPgliteFolder(run, dir(id), fn);
    },
  };
}

const storeFor = (engine: BenchEngine): Store => (engine === 'postgresql' ? postgresStore() : pgliteStore());

/** Builds cache `id` (from nothing, or from the cache `from`) with `fill` unless it exists (`fresh`: rebuilt). */
export async function ensureCache(engine: BenchEngine, id: string, from: string | null, fill: (db: Database) => Promise<void>, what: string, fresh = false): Promise<void> {
  const store = storeFor(engine);
  if (fresh) await store.drop(id);
  if (await store.exists(id)) return;
  const t0 = performance.now();
  await store.build(id, from, fill);
  console.log(`${engine}: ${what} built and cached in ${seconds(performance.now() - t0)} s`);
}

/** Runs `fn` on a fresh copy of cache `id` (dropped afterwards). */
export function withCachedCopy<T>(engine: BenchEngine, id: string, run: string, fn: (db: Database) => Promise<T>): Promise<T> {
  return storeFor(engine).withCopy(id, run, fn);
}

/** Builds what is missing of the registry cache and the stage cache; returns the id to copy. */
export async function prepareCache(engine: BenchEngine, households: number, opts: CacheOptions = {}): Promise<string> {
  const base = cacheId(households, undefined);
  const ensure = (id: string, from: string | null, fill: (db: Database) => Promise<void>, what: string) => ensureCache(engine, id, from, fill, what, opts.fresh);
  await ensure(base, null, (db) => loadBase(db, households), `registry of ${households} households`);
  if (!opts.stage) return base;
  const { key, prepare } = opts.stage;
  const staged = cacheId(households, key);
  await ensure(staged, base, prepare, `stage ${key}`);
  return staged;
}

/**
 * Runs `fn` on a fresh copy of the cached N-household registry (and stage), building what is missing
 * first; with `prepareOnly`, only builds (undefined).
 */
export async function withRegistryDatabase<T>(engine: BenchEngine, name: string, households: number, fn: (db: Database, info: RegistryInfo) => Promise<T>, opts: CacheOptions = {}): Promise<T | undefined> {
  const t0 = performance.now();
  const id = await prepareCache(engine, households, opts);
  if (opts.prepareOnly) {
    console.log(`${engine}: cache ready for ${name} (${households} households${opts.stage ? ` + ${opts.stage.key}` : ''}) in ${seconds(performance.now() - t0)} s`);
    return undefined;
  }
  const store = storeFor(engine);
  return store.withCopy(id, name, async (db) => {
    const { rows } = await sql<{ members: number }>`select members from bench_registry_info`.execute(db.kysely);
    const members = Number(rows[0]!.members);
    console.log(`${engine}: ${households} households, ${members} members${opts.stage ? ` + ${opts.stage.key}` : ''}; copy ready in ${seconds(performance.now() - t0)} s`);
    return fn(db, { members });
  });
}

/** The cache options of a benchmark's arguments: `--fresh`, `--prepare-only`. */
export const cacheArgs = (args: readonly string[], stage?: Stage): CacheOptions => ({ stage, fresh: args.includes('--fresh'), prepareOnly: args.includes('--prepare-only') });
