import fs from 'node:fs';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { Mutex } from '../kernel/mutex.ts';
import type { Database, OpenOptions } from './engine.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { parseDate, parseInt8, parseNumeric, TIME_ZONE } from './pg-types.ts';
import { primaryReads } from './replica.ts';
import type { DB } from './schema.ts';

/**
 * V8 optimises a WebAssembly function on its background threads once it has run this much (bytes of code executed;
 * V8's default 1,800,000). At the default, a start had PostgreSQL's parser, copyObject and equal (100 KB of code
 * between them) optimised before the first request — 2 s of CPU beside the start's 1.5 on the main thread, on a
 * 2-core machine; ten times the budget halves that, and a long run of queries took the same CPU either way.
 */
const WASM_TIERING_BUDGET = 18_000_000;

/** The embedded engine: one PGlite on a data folder (or in memory), its one session behind a mutex. */
export async function openPGlite(opts: OpenOptions): Promise<Database> {
  const dir = opts.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
  v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  const pglite = new PGlite(dir, {
    parsers: { 20: parseInt8, 1082: parseDate, 1700: parseNumeric },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  await pglite.waitReady;
  await pglite.exec(`set time zone '${TIME_ZONE}'`);
  const mutex = new Mutex();
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) });
  return {
    kysely,
    engine: 'pglite',
    reads: primaryReads(kysely),
    async copyCsv(table, columns, csv) {
      const text = typeof csv === 'string' ? csv : await collect(csv);
      const release = await mutex.lock();
      try {
        const res = await pglite.query(
          `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`,
          [],
          { blob: new Blob([text]) },
        );
        return res.affectedRows ?? 0;
      } finally {
        release();
      }
    },
    async copyCsvOut(table, columns) {
      const release = await mutex.lock();
      try {
        const res = await pglite.query(`copy ${table} (${columns.join(', ')}) to '/dev/blob' with (format csv)`);
        return res.blob ? await res.blob.text() : '';
      } finally {
        release();
      }
    },
    async listen() {},
    async dumpDataDir() {
      const release = await mutex.lock();
      try {
        return await pglite.dumpDataDir('none');
      } finally {
        release();
      }
    },
    async snapshotDataDir(read) {
      const release = await mutex.lock();
      try {
        const result = await read(async (text) => (await pglite.query<Record<string, unknown>>(text)).rows);
        return { dump: await pglite.dumpDataDir('gzip'), read: result };
      } finally {
        release();
      }
    },
    async execScript(script) {
      const release = await mutex.lock();
      try {
        await pglite.exec('begin');
        try {
          await pglite.exec(script);
          await pglite.exec('commit');
        } catch (e) {
          await pglite.exec('rollback');
          throw e;
        }
      } finally {
        release();
      }
    },
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
  };
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return parts.join('');
}
