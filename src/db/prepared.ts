import type { CompiledQuery } from 'kysely';

/**
 * Statements run on every request of a hot read, parsed and planned once per connection (a named prepared
 * statement) and then only bound and executed: `db.executeQuery(prepared('household_detail', query.compile(db)))`.
 * Both engines' connections look a statement's text up here (src/db/pglite-prepared.ts, src/db/pg-prepared.ts).
 *
 * Keyed by text, not by label: one label's text varies with its scope's shape (a citizen's number of households),
 * and node-postgres ties a statement name to one text per connection. Parameters, the scope's prefix among them,
 * are bound per execution, so one user's statement serves every user whose scope has its shape.
 * A connection pooler between the server and PostgreSQL must keep prepared statements per client (PgBouncer in
 * transaction mode: 1.21 or later with `max_prepared_statements`).
 */
const names = new Map<string, string>();
let serial = 0;

/** Beyond this many texts, statements run unprepared: a label whose text varies without bound cannot fill memory. */
export const MAX_PREPARED = 256;

/** Marks `query` to run as a prepared statement named after `label` (a lower-case SQL identifier); returns it. */
export function prepared<R>(label: string, query: CompiledQuery<R>): CompiledQuery<R> {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(label)) throw new Error(`prepared statement label "${label}": lower-case letters, digits and _ only`);
  if (!names.has(query.sql) && names.size < MAX_PREPARED) names.set(query.sql, `${label}_${++serial}`);
  return query;
}

/** The name `text` is prepared under, or undefined for an ordinary statement. */
export function preparedName(text: string): string | undefined {
  return names.size === 0 ? undefined : names.get(text);
}

/**
 * After the statement `stale` failed as stale (`isStalePrepared`), `text` gets a new name, so every connection
 * parses it again at its next use: the stale one may still exist on a connection whose plan cannot be used.
 * Returns the new name.
 */
export function renamePrepared(text: string, stale: string): string {
  const current = names.get(text);
  if (current !== undefined && current !== stale) return current;
  const name = `${stale.replace(/_\d+$/, '')}_${++serial}`;
  names.set(text, name);
  return name;
}

/**
 * Whether a statement failed because its prepared form is stale rather than because of its data: the schema changed
 * its result's columns ("cached plan must not change result type"), or the session dropped it (DISCARD ALL,
 * DEALLOCATE). Such a statement is prepared again and, outside a transaction block, run once more.
 */
export function isStalePrepared(e: unknown): boolean {
  if (!(e instanceof Error) || !('code' in e)) return false;
  if (e.code === '26000') return true;
  return e.code === '0A000' && e.message.includes('cached plan must not change result type');
}
