import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from '../kernel/mutex.ts';
import { PGlitePrepared } from './pglite-prepared.ts';
import { preparedName } from './prepared.ts';

/**
 * Kysely dialect for PGlite. PGlite is one PostgreSQL session, so a connection is
 * lent to one user at a time (a FIFO mutex): a transaction holds it from BEGIN to
 * COMMIT/ROLLBACK and no other query can slip into it. (The published
 * kysely-pglite lets two transactions interleave, so one's rollback erased the other's rows.)
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite, private readonly mutex: Mutex) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite, this.mutex);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteConnection implements DatabaseConnection {
  private readonly prepared: PGlitePrepared;

  constructor(private readonly pglite: PGlite) {
    this.prepared = new PGlitePrepared(pglite);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const name = preparedName(query.sql);
    const result = name
      ? await this.prepared.query<R>(name, query.sql, query.parameters)
      : await this.pglite.query<R>(query.sql, [...query.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && query.query.kind !== 'SelectQueryNode'
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite; page with keyset queries instead');
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private releases: (() => void)[] = [];

  constructor(pglite: PGlite, private readonly mutex: Mutex) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock();
    this.releases.push(release);
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${level}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }

  async rollbackToSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
  }

  async releaseSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
  }

  async releaseConnection(): Promise<void> {
    // FIFO: connections are released in the order they were acquired, one at a time.
    const release = this.releases.shift();
    release?.();
  }

  async destroy(): Promise<void> {}
}
