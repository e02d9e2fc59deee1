// An empty data folder (PGlite) or database (PostgreSQL) for a spawned server, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminQuery, withDatabase } from '../../src/test/fixture.ts';
import { benchDatabaseUrl, type BenchEngine } from './engines.ts';

/** Calls `fn` with `env` (without PORT, DATABASE_URL, JIUZHU_DEV, LOG_LEVEL) pointed at fresh data named after `label`. */
export async function withEmptyData<T>(engine: BenchEngine, label: string, env: NodeJS.ProcessEnv, fn: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const base: NodeJS.ProcessEnv = { ...env };
  for (const v of ['PORT', 'DATABASE_URL', 'JIUZHU_DEV', 'LOG_LEVEL']) delete base[v];
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jiuzhu-bench-${label}-`));
    try {
      return await fn({ ...base, JIUZHU_DATA_DIR: path.join(dir, 'data') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = benchDatabaseUrl();
  const name = `jiuzhu_bench_${label}_${process.pid}`;
  await adminQuery(url, `create database ${name}`);
  try {
    return await fn({ ...base, DATABASE_URL: withDatabase(url, name) });
  } finally {
    await adminQuery(url, `drop database if exists ${name} with (force)`);
  }
}
