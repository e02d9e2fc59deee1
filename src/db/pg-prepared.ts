import type { PostgresCursor, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { isStalePrepared, preparedName, renamePrepared } from './prepared.ts';

/**
 * A pooled pg client as Kysely uses it, running the statements marked `prepared` (src/db/prepared.ts) as
 * node-postgres named statements: parsed once per connection, then bound and executed. node-postgres remembers
 * a name only once its Parse succeeded.
 */
export class PreparingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(text: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(text: string | PostgresCursor<R>, parameters: readonly unknown[] = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely passes a cursor only when its dialect has one configured, as ours has not (no streaming on pg).
    if (typeof text !== 'string') throw new Error('streaming queries are not configured on this pool');
    return this.run<R>(text, [...parameters]);
  }

  private async run<R>(text: string, values: unknown[]): Promise<PostgresQueryResult<R>> {
    const name = preparedName(text);
    if (!name) return kyselyResult(await this.client.query<pg.QueryResultRow & R>(text, values));
    // Outside a transaction block a failed statement leaves nothing aborted: it may run once more.
    const idle = this.client.getTransactionStatus() === 'I';
    try {
      return kyselyResult(await this.client.query<pg.QueryResultRow & R>({ name, text, values }));
    } catch (e) {
      if (!isStalePrepared(e)) throw e;
      const renamed = renamePrepared(text, name);
      if (!idle) throw e;
      return kyselyResult(await this.client.query<pg.QueryResultRow & R>({ name: renamed, text, values }));
    }
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}

type Command = PostgresQueryResult<unknown>['command'];
const COMMANDS: ReadonlySet<string> = new Set<Command>(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK']);
const isCommand = (c: string): c is Command => COMMANDS.has(c);

/** Kysely reads the command only to count affected rows and to see a COMMIT that rolled back; others count none, as SELECT. */
function kyselyResult<R>(r: pg.QueryResult<pg.QueryResultRow & R>): PostgresQueryResult<R> {
  return { command: isCommand(r.command) ? r.command : 'SELECT', rowCount: r.rowCount ?? 0, rows: r.rows };
}

const clients = new WeakMap<pg.PoolClient, PreparingClient>();

/** One wrapper per pooled client, so that Kysely keeps one connection object per client. */
export function preparingClient(client: pg.PoolClient): PreparingClient {
  let wrapped = clients.get(client);
  if (!wrapped) {
    wrapped = new PreparingClient(client);
    clients.set(client, wrapped);
  }
  return wrapped;
}
