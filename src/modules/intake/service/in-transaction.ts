// A Database whose queries and `write()` run inside an open transaction: lets the intake call the cases
// service (createCase, performTransition) so that a request, its case and its referrals are created in
// one transaction. `transaction().execute(fn)` on it runs `fn` in the surrounding transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';

export function withinTransaction(db: Database, tx: Kysely<DB>): Database {
  const kysely = new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(fn: (t: Kysely<DB>) => Promise<T>) => fn(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...db, kysely, engine: db.engine };
}
