import fs from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/engine.ts';
import { adminQuery, dropDatabase, withDatabase } from './fixture.ts';

export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh database holding the fixture, private to the calling test file: a PGlite loaded
 * from the dump, or on PostgreSQL a new database copied from the run's template.
 */
export async function testDatabase(): Promise<Database> {
  return (await testDatabaseAt()).db;
}

/** testDatabase, with its connection string on PostgreSQL (for tools such as pg_dump); null on PGlite. */
export async function testDatabaseAt(): Promise<{ db: Database; url: string | null }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `jiuzhu_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(url, `create database ${name} template ${inject('pgTemplate')}`);
    const db = await openDatabase({ databaseUrl: withDatabase(url, name) });
    return {
      db: {
        ...db,
        async close() {
          await db.close();
          await dropDatabase(url, name);
        },
      },
      url: withDatabase(url, name),
    };
  }
  return { db: await openDatabase({ dataDir: 'memory://', loadDataDir: pgliteFixture() }), url: null };
}

let fixture: { file: string; blob: Blob } | undefined;

/**
 * The run's PGlite fixture dump (src/test/global-setup.ts), read once per worker: the server files share a worker's
 * modules (vitest.config.ts), and each file's database loads from it. A Blob is immutable: every load copies it.
 */
export function pgliteFixture(): Blob {
  const file = inject('pgliteTemplate');
  if (fixture?.file !== file) fixture = { file, blob: new Blob([fs.readFileSync(file)]) };
  return fixture.blob;
}
