import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Mutex } from '../kernel/mutex.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { parseDate, parseInt8, parseNumeric, postgresPool, TIME_ZONE } from './pg-pool.ts';
import { primaryReads, replicaReads, type Reads, type ReplicaOptions } from './replica.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

/** The one way to reach the database: Kysely over PGlite (embedded) or a PostgreSQL server. */
export interface Database {
  readonly kysely: Kysely<DB>;
  readonly engine: Engine;
  /**
   * Reads that may lag behind the writes (dashboards, reports, exports, the simulator): a streaming replica's
   * Kysely when one is configured, up and within its lag bound, else the primary's (src/db/replica.ts).
   */
  readonly reads: Reads;
  /** Bulk-load CSV text (no header) into `table(columns)` with COPY; returns rows loaded. */
  copyCsv(table: string, columns: readonly string[], csv: string | AsyncIterable<string>): Promise<number>;
  /** `table(columns)` as CSV text (no header) by COPY … TO: moving a database to another engine (src/ops/copy.ts). */
  copyCsvOut(table: string, columns: readonly string[]): Promise<string>;
  /**
   * PostgreSQL: calls `onNotice` with the payload of every NOTIFY on `channel` (from any instance, once committed),
   * on a connection of its own, closed with the database; resolves once listening. `null`: the connection was lost
   * and notices may have been missed (no more follow on it). PGlite (one process): never called.
   */
  listen(channel: string, onNotice: (payload: string | null) => void): Promise<void>;
  /** Run a multi-statement SQL script in one transaction (migrations). */
  execScript(script: string): Promise<void>;
  /** PGlite only: the data folder as a tar blob (test fixtures, backups). */
  dumpDataDir(): Promise<Blob>;
  /**
   * PGlite only: runs `read` (plain SQL on the one session) and dumps the data folder as a gzip tar with nothing
   * written in between: a backup and its manifest's row counts describe the same moment.
   */
  snapshotDataDir<T>(read: (query: (text: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<{ dump: Blob; read: T }>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | null;
  /** PGlite data folder; 'memory://' keeps it in memory. */
  dataDir?: string;
  /** A PGlite data dump (from dumpDataDir) to start from: fast test databases. */
  loadDataDir?: Blob;
  /** PostgreSQL: the pool's most connections (JIUZHU_DB_POOL_SIZE); default 10. */
  poolSize?: number;
  /** PostgreSQL: a streaming replica of `databaseUrl` for `reads`. Ignored on PGlite (one process, no replica). */
  replica?: ReplicaOptions | null;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.replica ?? null, opts.poolSize ?? 10) : openPGlite(opts);
}

async function openPGlite(opts: OpenOptions): Promise<Database> {
  const dir = opts.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
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

async function openPostgres(url: string, replica: ReplicaOptions | null, poolSize: number): Promise<Database> {
  const { pool, kysely, connect } = postgresPool(url, { max: poolSize });
  await sql`select 1`.execute(kysely);
  const listeners: pg.Client[] = [];
  const reads = replica ? replicaReads(kysely, replica) : primaryReads(kysely);
  return {
    kysely,
    engine: 'postgres',
    reads,
    async copyCsv(table, columns, csv) {
      const client = await connect(0);
      try {
        const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
        const source = typeof csv === 'string' ? Readable.from([csv]) : Readable.from(csv);
        await pipeline(source, stream);
        return stream.rowCount;
      } finally {
        client.release();
      }
    },
    async copyCsvOut(table, columns) {
      const client = await pool.connect();
      try {
        const parts: string[] = [];
        for await (const chunk of client.query(copyTo(`copy ${table} (${columns.join(', ')}) to stdout with (format csv)`))) parts.push((chunk as Buffer).toString('utf8'));
        return parts.join('');
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotice) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      listeners.push(client);
      client.on('notification', (n) => {
        if (n.channel === channel) onNotice(n.payload ?? '');
      });
      // A lost connection may have missed notices: the caller treats it as one.
      client.on('error', () => onNotice(null));
      await client.query(`listen ${channel}`);
    },
    async dumpDataDir(): Promise<Blob> {
      throw new Error('dumpDataDir is for PGlite; use pg_dump on a server');
    },
    async snapshotDataDir(): Promise<never> {
      throw new Error('snapshotDataDir is for PGlite; use pg_dump on a server (src/ops/backup.ts)');
    },
    async execScript(script) {
      const client = await connect(0);
      try {
        await client.query('begin');
        try {
          await client.query(script);
          await client.query('commit');
        } catch (e) {
          await client.query('rollback');
          throw e;
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end().catch(() => undefined)));
      await reads.close();
      await kysely.destroy();
    },
  };
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return parts.join('');
}
