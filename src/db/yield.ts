import type { Database } from './engine.ts';

/**
 * Lets waiting requests in between two transactions of long work. PGlite is one session and runs each
 * statement on the main thread: a request that arrived during a transaction is parsed only when the event
 * loop turns, so long work first lets it turn (I/O callbacks run before `setImmediate`) and the request's
 * query joins the FIFO queue of the session ahead of the work's next transaction. A no-op on PostgreSQL.
 */
export function yieldToRequests(db: Database): Promise<void> {
  if (db.engine !== 'pglite') return Promise.resolve();
  return new Promise((resolve) => setImmediate(resolve));
}
