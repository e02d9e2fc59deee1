import type { Kysely } from 'kysely';
import type { Reads, ReplicaOptions } from './replica.ts';
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

/** Each engine's driver loads only when it is opened: a PGlite start never loads pg, a server start never PGlite. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./engine-postgres.ts');
    return openPostgres(opts.databaseUrl, opts.replica ?? null, opts.poolSize ?? 10);
  }
  const { openPGlite } = await import('./engine-pglite.ts');
  return openPGlite(opts);
}
