import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { currentStatementTimeout } from './statement-timeout.ts';
import { preparingClient } from './pg-prepared.ts';
import type { DB } from './schema.ts';
import { parseDate, parseInt8, parseNumeric, TIME_ZONE } from './pg-types.ts';

export interface PostgresPool {
  pool: pg.Pool;
  kysely: Kysely<DB>;
  /** A connection lent with the statement timeout `ms` (0: none). */
  connect(ms: number): Promise<pg.PoolClient>;
}

export interface PoolOptions {
  max?: number;
  /** How long to wait for a new connection before giving up (ms); 0: no limit (pg's default). */
  connectionTimeoutMillis?: number;
}

/** A pg pool on `url` with Jiuzhu's type parsers and time zone, and Kysely over it. */
export function postgresPool(url: string, opts: PoolOptions = {}): PostgresPool {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 20) return parseInt8;
      if (oid === 1082) return parseDate;
      if (oid === 1700) return parseNumeric;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 0, types, options: `-c TimeZone=${TIME_ZONE}` });
  // An idle connection the server ends (a restart, a failover, `pg_terminate_backend`, a dropped database) is an
  // 'error' on the pool; unheard, it would end the process. The pool has already discarded that connection and
  // opens a new one for the next query, so it is only reported.
  pool.on('error', (e) => process.emitWarning(`PostgreSQL closed an idle connection: ${e.message}`, 'JiuzhuDatabaseWarning'));
  // Each connection is lent with the statement timeout of the work that takes it (src/db/statement-timeout.ts).
  const timeouts = new WeakMap<pg.PoolClient, number>();
  const connect = async (ms: number): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (timeouts.get(client) !== ms) {
      try {
        await client.query(`set statement_timeout = ${Math.max(0, Math.floor(ms))}`);
      } catch (e) {
        client.release(e instanceof Error ? e : true);
        throw e;
      }
      timeouts.set(client, ms);
    }
    return client;
  };
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: { connect: async () => preparingClient(await connect(currentStatementTimeout())), end: () => pool.end() } }) });
  return { pool, kysely, connect };
}
